package org.recto.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.discovery.DiscoveryProperties;

/** An index written with documents of another shape (the body stored, before schema 2) is started afresh. */
class SearchIndexSchemaTests {

    @TempDir
    Path dir;

    DiscoveryProperties properties() {
        return new DiscoveryProperties(dir, 500, Duration.ofSeconds(2), Duration.ofMinutes(5), 5, 8, Duration.ofSeconds(1));
    }

    @Test
    void anIndexOfTheEarlierSchemaIsRebuiltAndOneOfThisSchemaKept() throws Exception {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            Document old = new Document();
            old.add(new StringField(Fields.DOI_KEY, "10.1/old", Field.Store.YES));
            old.add(new StoredField(Fields.VERSION, 1));
            old.add(new StoredField(Fields.BODY, "a stored body"));
            w.addDocument(old);
            w.commit(); // no schema recorded: the first one
        }
        SearchIndex index = new SearchIndex(properties());
        assertThat(index.versions()).isEmpty(); // rebuilt from the store by the sync, like a damaged index

        Document current = new Document();
        current.add(new StringField(Fields.DOI_KEY, "10.1/new", Field.Store.YES));
        current.add(new StoredField(Fields.VERSION, 2));
        index.put("10.1/new", 2, current);
        index.commit();
        index.destroy();
        assertThat(Files.list(dir).count()).isPositive();
        SearchIndex reopened = new SearchIndex(properties());
        assertThat(reopened.versions()).containsOnlyKeys("10.1/new");
        reopened.destroy();
    }
}
