package org.recto.usage;

import org.recto.article.ArticleCatalog;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context the usage module's web tests share (H2 in memory): admin token, the shared COUNTER
 * robots list, two institutions with SUSHI keys, a key for "The World", and a small test catalog.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AppTestBase.Catalog.class)
abstract class AppTestBase {

    static final String TOKEN = "s3cret-token-for-tests";
    static final String EXU_KEY = "exu-key-123";
    static final String WORLD_KEY = "world-key-456";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:usageapp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        r.add("recto.admin-token", () -> TOKEN);
        r.add("recto.usage.robots-file", () -> Shared.robotsList().toString());
        r.add("recto.demo.enabled", () -> "false");
        r.add("recto.usage.rollup-cron", () -> "-");
        r.add("recto.usage.world-api-key", () -> WORLD_KEY);
        r.add("recto.usage.institutions[0].name", () -> "Example University");
        r.add("recto.usage.institutions[0].customer-id", () -> "exu");
        r.add("recto.usage.institutions[0].ip-ranges[0]", () -> "192.0.2.0/24");
        r.add("recto.usage.institutions[0].api-key", () -> EXU_KEY);
        r.add("recto.usage.institutions[1].name", () -> "Keyless College");
        r.add("recto.usage.institutions[1].customer-id", () -> "kc");
        r.add("recto.usage.institutions[1].ip-ranges[0]", () -> "198.18.0.0/15");
    }

    @TestConfiguration
    static class Catalog {
        @Bean
        @Primary
        ArticleCatalog testCatalog() {
            return TestCatalog.create();
        }
    }
}
