package org.recto.ingest;

import org.springframework.boot.test.context.SpringBootTest;

/** The batched import on the embedded default (H2 in PostgreSQL mode); the digest over a sample of 250 corpus articles (every 4th). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BatchImportH2Tests extends BatchImportContract {

    @Override
    int sampleSize() {
        return 250;
    }

    @Override
    int sampleStep() {
        return 4;
    }
}
