package org.recto.attention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.article.DerivedWork;
import org.recto.attention.Mention;
import org.recto.support.DerivedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mentions import that names hundreds of articles is stored, and announced to the pages in events the event
 * registry can hold: one event naming them all did not fit its column, and the whole import was rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ManyArticlesMentionedTests {

    @Autowired
    MentionIntake intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    @Test
    void mentionsOfThreeHundredArticlesInOneImportAreAllStoredAndAnnounced() {
        jdbc.sql("delete from attention_mention").update();
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            mentions.add(new Mention("10.5555/many-mentioned." + i, "news", "n" + i, "An outlet",
                    "https://news.example/" + i, Instant.parse("2024-05-01T10:00:00Z")));
        }

        assertThat(intake.record(mentions).added()).isEqualTo(300);

        DerivedData.await(derived);
        assertThat(jdbc.sql("select count(distinct doi_key) from attention_mention").query(Integer.class).single())
                .isEqualTo(300);
        assertThat(jdbc.sql("select count(distinct doi_key) from page_invalidation where doi_key like '10.5555/many-mentioned.%'")
                .query(Integer.class).single()).as("every article's pages told").isEqualTo(300);
    }
}
