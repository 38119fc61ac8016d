package org.recto.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points a test's application context at the PostgreSQL that every developer's and CI's machine runs
 * (127.0.0.1:5432, trust auth, database {@code test}), in a schema of its own that is dropped when
 * the context closes, so runs never see each other's rows. {@code RECTO_TEST_PG_URL} overrides the server.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL = System.getenv().getOrDefault("RECTO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("RECTO_TEST_PG_USER", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "recto_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestPropertyValues.of(
                "spring.datasource.url=" + URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true",
                "spring.datasource.username=" + USER,
                "spring.datasource.password=",
                "spring.flyway.schemas=" + schema,
                "spring.flyway.create-schemas=true").applyTo(context);
        // Checked by type: a lambda's event type is erased, and the event registry's multicaster hands it every event.
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(schema);
            }
        });
    }

    private static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
