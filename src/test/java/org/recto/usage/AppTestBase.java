package org.recto.usage;

import org.recto.support.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context the usage module's web tests share (H2 in memory, the real article store): admin
 * token, the shared COUNTER robots list, two institutions (one with a SUSHI key), a key for "The World", and a few
 * articles of the shared corpus imported through the real ingest.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AppTestBase {

    static final String TOKEN = "s3cret-token-for-tests";
    static final String EXU_KEY = "exu-key-123";
    static final String WORLD_KEY = "world-key-456";

    /** eLife, CC BY: Open. */
    static final String OPEN_DOI = "10.7554/eLife.00003";
    /** eLife, CC BY: Open. */
    static final String OPEN2_DOI = "10.7554/eLife.00007";
    /** PLoS Biology 2004, no Creative Commons licence URL: Controlled. */
    static final String CONTROLLED_DOI = "10.1371/journal.pbio.0020188";
    /** A PLoS ONE correction whose DOI suffix holds a slash; only the web test records views of it. */
    static final String SLASH_DOI = "10.1371/annotation/3155a3e9-5fbe-435c-a07a-e9a4846ec0b6";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:usageapp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        r.add("recto.admin-token", () -> TOKEN);
        r.add("recto.usage.robots-file", () -> SharedData.robotsList().toString());
        r.add("recto.demo.enabled", () -> "false");
        r.add("recto.usage.rollup-cron", () -> "-");
        r.add("recto.usage.world-api-key", () -> WORLD_KEY);
        r.add("recto.usage.institutions[0].name", () -> "Example University");
        r.add("recto.usage.institutions[0].customer-id", () -> "exu");
        r.add("recto.usage.institutions[0].ip-ranges[0]", () -> "192.0.2.0/24");
        r.add("recto.usage.institutions[0].api-key", () -> EXU_KEY);
        r.add("recto.usage.institutions[1].name", () -> "Keyless College");
        r.add("recto.usage.institutions[1].customer-id", () -> "kc");
        r.add("recto.usage.institutions[1].ip-ranges[0]", () -> "198.18.0.0/15");
    }

    /** Imports the test articles (again: an unchanged file is a no-op). */
    static void importCorpus(JatsIngest ingest) throws Exception {
        for (String file : new String[] {"elife00003.xml", "elife00007.xml", "journal.pbio.0020188.xml",
                "plos.correction.3155a3e9-5fbe-435c-a07a-e9a4846ec0b6.xml"}) {
            IngestResult r = ingest.ingest(Files.readAllBytes(SharedData.dir().resolve("corpus/jats").resolve(file)), file);
            assertThat(r.problems()).as(file).isEmpty();
        }
    }
}
