package org.recto.usage.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.recto.article.ArticleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.recto.usage.UsageRolledUp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageProperties.class)
class UsageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UsageConfiguration.class);

    @Bean
    RobotFilter usageRobotFilter(UsageProperties props) {
        return props.robotsFile().isBlank() ? RobotFilter.bundled() : RobotFilter.load(Path.of(props.robotsFile()));
    }

    @Bean
    InstitutionMatcher usageInstitutionMatcher(UsageProperties props) {
        return new InstitutionMatcher(props.institutions());
    }

    @Bean
    AccessTypes usageAccessTypes(ObjectProvider<ArticleCatalog> catalog) {
        return new AccessTypes(catalog);
    }

    @Bean
    DayKeys usageDayKeys(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new DayKeys(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    EventWriter usageEventWriter(DataSource dataSource, RobotFilter robots, InstitutionMatcher institutions,
                                 AccessTypes accessTypes, DayKeys dayKeys, UsageProperties props) {
        EventWriter writer = new EventWriter(dataSource, robots, institutions, accessTypes, new EventKeys(dayKeys),
                props.flushInterval(), props.batchSize(), props.queueCapacity(), props.writerThreads());
        if (!props.capture()) {
            log.warn("recto.usage.capture is false: no usage is counted");
            writer.setCapture(false);
        }
        return writer;
    }

    @Bean
    FiguresService usageFigures(DataSource dataSource) {
        return new FiguresService(dataSource);
    }

    @Bean
    RollupService usageRollupService(DataSource dataSource, UsageProperties props, ObjectProvider<Clock> clock,
                                     ApplicationEventPublisher events, TransactionTemplate transaction,
                                     DayKeys dayKeys) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        RollupService rollup = new RollupService(dataSource, time, props.platform(),
                nodeId(props), Duration.ofMinutes(2), props.rollupParallelism());
        rollup.setAfterRun(() -> {
            // The daily run also deletes expired day keys when no event has arrived to do it.
            dayKeys.purge();
            // In a transaction, so that the registry records the event for its listeners (pages that show figures).
            transaction.executeWithoutResult(status -> events.publishEvent(new UsageRolledUp(time.instant())));
        });
        return rollup;
    }

    static String nodeId(UsageProperties props) {
        if (!props.nodeId().isBlank()) {
            return props.nodeId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        // The process id makes two instances on one host (and a restarted one) distinct holders of the lock.
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + Integer.toHexString(System.identityHashCode(props));
    }
}
