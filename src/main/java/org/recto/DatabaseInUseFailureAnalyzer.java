package org.recto;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Says in a paragraph what is wrong when the embedded H2 database is held by another process (a
 * running server, while {@code import} starts; or a second server), instead of the 60-line stack
 * trace of the Flyway start-up that meets it first. Registered in {@code META-INF/spring.factories};
 * {@link RectoApplication} exits with {@link #EXIT_CODE} for it.
 */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    /** The exit code of a command that could not open the embedded database. */
    static final int EXIT_CODE = 2;

    /** H2 names the locked file in quotes: {@code Database may be already in use: "/d/db/recto.mv.db". …}. */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final Environment environment;

    DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SQLException inUse = find(failure);
        if (inUse == null) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(inUse.getMessage());
        String file = quoted.find() ? quoted.group(1) : "under " + environment.getProperty("recto.data-dir");
        String description = "The embedded database " + file + " is in use by another process: a Recto server"
                + " or command on the same data directory (RECTO_DATA_DIR). The embedded database opens in one"
                + " process at a time.";
        return new FailureAnalysis(description, action(), inUse);
    }

    private String action() {
        // The batch verbs run with the "batch" profile (RectoApplication); a second server runs without it.
        if (environment.matchesProfiles("batch")) {
            String api = "http://127.0.0.1:" + environment.getProperty("server.port", "8080") + "/api/v1";
            return "Stop the server first, or do it through the running server: import with curl -X POST " + api
                    + "/articles -H \"Authorization: Bearer $RECTO_ADMIN_TOKEN\" -H \"Content-Type: application/xml\""
                    + " --data-binary @article.xml, the usage roll-up with POST " + api + "/admin/usage/rollup.";
        }
        return "Stop the other Recto process first, or give this server a data directory of its own"
                + " (RECTO_DATA_DIR), or run the servers on one shared PostgreSQL database (RECTO_DB_URL).";
    }

    /** The H2 "database may be already in use" error among the failure's causes, or null. */
    static SQLException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && t instanceof JdbcException
                    && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return sql;
            }
        }
        return null;
    }
}
