package org.recto.discovery.internal;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ConcurrentPublishingContract} on the embedded H2, which waits for a row lock 100 ms here (2 s by default),
 * so that a lock held across a listener's computation, rather than for its writes alone, fails on a quiet machine too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "recto.events.retry-interval=1h",
        "spring.datasource.url=jdbc:h2:mem:recto-concurrent;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=100"})
class ConcurrentPublishingH2Tests extends ConcurrentPublishingContract {
}
