package org.recto.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.recto.discovery.DiscoveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's Lucene index: one document per article (its latest version), written by one writer and read through
 * near-real-time searchers. It is derived data: a missing or damaged directory is started afresh and filled from the
 * store ({@link IndexMaintenance}).
 */
@Component
class SearchIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    /** The shape of the documents; an index written with another is rebuilt. 2: the body as a doc value, not stored. */
    static final String SCHEMA = "2";
    private static final String SCHEMA_KEY = "recto.schema";

    private final Analyzer analyzer = Fields.analyzer();
    private final FacetsConfig facets = Fields.facets();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The version each indexed DOI (lower case) holds, so that a node can tell what it lacks. */
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private volatile FacetState facetState;
    private volatile boolean uncommitted;

    SearchIndex(DiscoveryProperties properties) throws IOException {
        Path dir = properties.indexDir();
        Files.createDirectories(dir);
        directory = FSDirectory.open(dir);
        writer = openWriter();
        searchers = new SearcherManager(writer, null);
        loadVersions();
    }

    private IndexWriter openWriter() throws IOException {
        try {
            String schema = schema();
            if (schema != null && !schema.equals(SCHEMA)) {
                log.info("The search index in {} was built by an earlier version of Recto (schema {}, now {}); "
                        + "rebuilding it from the store", directory.getDirectory(), schema, SCHEMA);
                return withSchema(new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE)));
            }
            return withSchema(new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)));
        } catch (IOException | RuntimeException damaged) {
            // Derived data: an index that cannot be opened is started again and rebuilt from the store.
            log.warn("The search index in {} cannot be opened ({}); starting it afresh", directory.getDirectory(),
                    damaged.toString());
            return withSchema(new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE)));
        }
    }

    /** The schema the last commit was written with; null when there is no index yet. */
    private String schema() throws IOException {
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(SCHEMA_KEY, "1");
        } catch (IndexNotFoundException none) {
            return null;
        }
    }

    private static IndexWriter withSchema(IndexWriter writer) {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
        return writer;
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(64);
        return config;
    }

    private void loadVersions() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        Document d = stored.document(i, java.util.Set.of(Fields.DOI_KEY, Fields.VERSION));
                        versions.put(d.get(Fields.DOI_KEY), d.getField(Fields.VERSION).numericValue().intValue());
                    }
                }
            }
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    FacetsConfig facetsConfig() {
        return facets;
    }

    /** The indexed version of every DOI (lower case). */
    Map<String, Integer> versions() {
        return new HashMap<>(versions);
    }

    /** Puts the article's document in place of the one its DOI had, if any. */
    void put(String doiKey, int version, Document document) {
        try {
            writer.updateDocument(new Term(Fields.DOI_KEY, doiKey), facets.build(document));
            versions.put(doiKey, version);
            uncommitted = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String doiKey) {
        try {
            writer.deleteDocuments(new Term(Fields.DOI_KEY, doiKey));
            versions.remove(doiKey);
            uncommitted = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written so far visible to searches (and to the related-content computation). */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written durable (it is searchable already); called on a schedule and at shutdown. */
    void commit() throws IOException {
        if (uncommitted) {
            uncommitted = false;
            writer.commit();
        }
    }

    /** Runs {@code work} on the current searcher, with the facet state of the same reader. */
    <T> T read(SearchWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher, facetState(searcher.getIndexReader()));
        } finally {
            searchers.release(searcher);
        }
    }

    /** The facets' ordinals of one reader, made once per reader (not per search). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState state = facetState;
        if (state == null || state.reader() != reader) {
            synchronized (this) {
                state = facetState;
                if (state == null || state.reader() != reader) {
                    state = new FacetState(reader, reader.maxDoc() == 0 ? null
                            : new DefaultSortedSetDocValuesReaderState(reader, facets));
                    facetState = state;
                }
            }
        }
        return state.state();
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** Work done on one consistent view of the index. */
    @FunctionalInterface
    interface SearchWork<T> {
        T run(IndexSearcher searcher, SortedSetDocValuesReaderState facets) throws IOException;
    }
}
