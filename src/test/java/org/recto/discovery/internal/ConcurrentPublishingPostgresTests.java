package org.recto.discovery.internal;

import org.recto.support.PostgresSchema;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** {@link ConcurrentPublishingContract} on PostgreSQL (127.0.0.1:5432, database test), in a schema of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "recto.events.retry-interval=1h")
@ContextConfiguration(initializers = PostgresSchema.class)
class ConcurrentPublishingPostgresTests extends ConcurrentPublishingContract {
}
