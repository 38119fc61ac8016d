package org.recto.usage;

/** The counting rules on H2 in PostgreSQL mode (the embedded default). */
class CountingH2Test extends AbstractCountingTest {
    @Override
    TestDb newDb() {
        return TestDb.h2();
    }
}
