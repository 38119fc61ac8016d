package org.recto.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code recto.jar reindex} rebuilds what the modules derive from the store, here lost on purpose. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReindexCommandTests {

    @Autowired
    ReindexCommand reindex;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    @Test
    void reindexRebuildsTheParsedReferencesAndTheCitationIndexOfEveryVersion() throws Exception {
        ArticleTables.deleteAll(jdbc);
        // The citation index of articles other test classes imported into this shared context would be
        // counted below and not rebuilt by the reindex of this store.
        jdbc.sql("delete from citation_index").update();
        jdbc.sql("delete from cited_work").update();
        byte[] seed = SharedData.read(SharedData.seed("mills-bloomfield-2018.xml"));
        assertThat(ingest.ingest(seed, "seed").ok()).isTrue();
        String v2 = new String(seed, StandardCharsets.UTF_8).replaceFirst("<article-title>", "<article-title>Again: ");
        assertThat(ingest.ingest(v2.getBytes(StandardCharsets.UTF_8), "seed-v2").ok()).isTrue();
        assertThat(ingest.ingest(SharedData.read(SharedData.corpus("elife00003.xml")), "elife").ok()).isTrue();
        DerivedData.await(derived);
        String before = jdbc.sql("select parsed from citation_parse where doi_key = '10.1017/s0260210517000407' and version = 2")
                .query(String.class).single();
        long indexed = jdbc.sql("select count(*) from citation_index").query(Long.class).single();

        jdbc.sql("delete from citation_parse").update();
        jdbc.sql("delete from citation_index").update();
        jdbc.sql("delete from cited_work").update();

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            reindex.run(new DefaultApplicationArguments("reindex"));
        } finally {
            System.setOut(stdout);
        }
        assertThat(reindex.getExitCode()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("reindex: 3 versions of 2 articles", "derived data", "0 of", "reindex: done");
        assertThat(jdbc.sql("select count(*) from citation_parse").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select parsed from citation_parse where doi_key = '10.1017/s0260210517000407' and version = 2")
                .query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from citation_index").query(Long.class).single()).isEqualTo(indexed);
        assertThat(jdbc.sql("select count(*) from cited_work").query(Long.class).single()).isEqualTo(2);
    }
}
