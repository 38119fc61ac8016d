package org.recto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** What application.yml resolves to for a given environment: the settings an operator sets by variable. */
class ConfigurationTest {

    private static StandardEnvironment with(Map<String, Object> variables) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return env;
    }

    @Test
    void theBaseUrlFollowsThePortUnlessItIsSet() throws Exception {
        assertThat(with(Map.of()).getProperty("recto.site.base-url")).isEqualTo("http://localhost:8080");
        assertThat(with(Map.of("RECTO_PORT", "8105")).getProperty("recto.site.base-url")).isEqualTo("http://localhost:8105");
        assertThat(with(Map.of("server.port", "9000")).getProperty("recto.site.base-url")).isEqualTo("http://localhost:9000");
        assertThat(with(Map.of("RECTO_PORT", "8105", "RECTO_BASE_URL", "https://journals.example.org"))
                .getProperty("recto.site.base-url")).isEqualTo("https://journals.example.org");
    }

    @Test
    void theWorldsSushiKeyHasAVariable() throws Exception {
        assertThat(with(Map.of("RECTO_USAGE_WORLD_API_KEY", "k-123")).getProperty("recto.usage.world-api-key")).isEqualTo("k-123");
        assertThat(with(Map.of()).getProperty("recto.usage.world-api-key")).isEmpty();
    }
}
