package org.recto.usage;

/** The counting rules on PostgreSQL 15 (127.0.0.1:5432/test, a fresh schema). */
class CountingPostgresTest extends AbstractCountingTest {
    @Override
    TestDb newDb() {
        return TestDb.postgres();
    }
}
