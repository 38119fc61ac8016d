package org.recto.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store the delivery tests send from: the seed article alone, with its derived data (files, pages) done. */
final class SeedAlone {

    static final String FILE = "mills-bloomfield-2018.xml";

    private SeedAlone() {
    }

    static void importInto(JatsIngest ingest, JdbcClient jdbc, DerivedWork derived) {
        ArticleTables.deleteAll(jdbc);
        assertThat(ingest.ingest(SharedData.read(SharedData.seed(FILE)), FILE).problems()).isEmpty();
        DerivedData.await(derived);
    }
}
