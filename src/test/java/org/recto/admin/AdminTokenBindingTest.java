package org.recto.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** recto.admin-token is bound once, by AdminProperties, and the token checks what it binds. */
class AdminTokenBindingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(AdminToken.class, Settings.class);

    @Test
    void theConfiguredTokenIsTheOneAccepted() {
        runner.withPropertyValues("recto.admin-token= s3cret ").run(context -> {
            AdminToken token = context.getBean(AdminToken.class);
            assertThat(token.accepts("Bearer s3cret")).isTrue();
            assertThat(token.accepts("Bearer other")).isFalse();
        });
    }

    @Test
    void noTokenConfiguredRefusesEveryone() {
        runner.run(context -> {
            assertThat(context.getBean(AdminProperties.class).adminToken()).isEmpty();
            assertThat(context.getBean(AdminToken.class).accepts("Bearer ")).isFalse();
        });
    }
}
