package org.recto.usage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database for one test class: H2 in memory (PostgreSQL mode, as the application runs it), or
 * a new schema in the local PostgreSQL ({@code 127.0.0.1:5432/test}, trust auth), dropped by {@link #close()}.
 */
public final class TestDb implements AutoCloseable {

    public static final String PG_URL = System.getProperty("recto.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("recto.test.pg-user", "postgres");

    public final String url;
    public final String user;
    public final String schema;
    private final HikariDataSource dataSource;

    private TestDb(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
        this.dataSource = pool(url, user, 6);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public static TestDb h2() {
        String name = "usage_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDb("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", null);
    }

    public static TestDb postgres() {
        String schema = "usage_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is needed for this test (start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect 15 main start): " + e.getMessage(), e);
        }
        return new TestDb(PG_URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true", PG_USER, schema);
    }

    /** Another connection pool to the same database, as a second application node would have. */
    public HikariDataSource newPool() {
        return pool(url, user, 4);
    }

    private static HikariDataSource pool(String url, String user, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword("");
        cfg.setMaximumPoolSize(size);
        return new HikariDataSource(cfg);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return schema != null;
    }

    @Override
    public void close() {
        if (isPostgres()) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // left behind; harmless, named usage_t*
            }
        } else {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
        dataSource.close();
    }
}
