package org.recto;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Recto: JATS in, article pages and the standard machine interfaces out.
 *
 * <p>One jar, several entry points: with no arguments it serves the site; a batch command such as
 * {@code import PATH...} starts the application without a web server, does its work and exits.
 * Commands that need no database (see {@link Commands}) run before Spring starts, so their
 * standard output carries nothing but their result.
 */
// No user accounts: the one credential is the admin bearer token, checked by the web edge.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class RectoApplication {

    /** The application's one clock, in UTC. A test's own Clock bean (support.MovableClock) takes its place. */
    @Bean
    @Fallback
    Clock systemClock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        Integer help = Commands.help(args, System.out, System.err);
        if (help != null) {
            System.exit(help);
        }
        if (Commands.runStandalone(args)) {
            return;
        }
        SpringApplication app = new SpringApplication(RectoApplication.class);
        boolean batch = Commands.isBatch(args);
        if (batch) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("batch");
        }
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException failure) {
            // Already explained by DatabaseInUseFailureAnalyzer; the exit code tells a script it was not run.
            if (DatabaseInUseFailureAnalyzer.find(failure) != null) {
                System.exit(DatabaseInUseFailureAnalyzer.EXIT_CODE);
            }
            throw failure;
        }
        if (batch) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
