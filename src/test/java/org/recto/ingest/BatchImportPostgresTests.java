package org.recto.ingest;

import org.recto.support.PostgresSchema;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The batched import on PostgreSQL (127.0.0.1:5432, database test), in a schema of its own; the digest over a sample. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = PostgresSchema.class)
class BatchImportPostgresTests extends BatchImportContract {

    @Override
    int sampleSize() {
        return 60;
    }

    @Override
    int sampleStep() {
        return 19;
    }
}
