package org.recto.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.discovery.DiscoveryProperties;
import org.recto.jats.JatsReader;

/**
 * The index {@link SearchScaleBenchmark} searches: the corpus read once and indexed with the listener's own document
 * builder, then copied under other DOI prefixes until it holds the articles asked for (see {@link #rebuild}).
 */
final class ScaleIndexBuilder {

    private static final int THREADS = 2;
    /** Copies of the corpus added in one {@code addIndexes} call, so in one segment (9,248 articles). */
    private static final int COPIES_PER_SEGMENT = 8;

    private ScaleIndexBuilder() {
    }

    static List<Document> documents(Path corpus) throws Exception {
        JatsReader reader = new JatsReader();
        List<Document> docs = new ArrayList<>();
        try (Stream<Path> paths = Files.list(corpus)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                Article a = reader.read(Files.readAllBytes(p), p.getFileName().toString());
                docs.add(ArticleDocuments.of(new StoredArticle(a, 1, 1, Instant.EPOCH), List.of()));
            }
        }
        return docs;
    }

    /** A copy of the corpus document under another DOI; the fields themselves are shared (they are not changed). */
    static Document copy(Document d, String doi) {
        Document c = new Document();
        for (IndexableField f : d.getFields()) {
            if (!f.name().equals(Fields.DOI) && !f.name().equals(Fields.DOI_KEY)) {
                c.add(f);
            }
        }
        c.add(new StringField(Fields.DOI_KEY, ArticleDocuments.key(doi), Field.Store.YES));
        c.add(new StoredField(Fields.DOI, doi));
        return c;
    }

    /**
     * Indexes the corpus through {@link SearchIndex#put} (the listener's path), then adds copies 1.. from that index
     * with Lucene's {@code addIndexes}, through a reader that gives every document the DOI of its copy (in the
     * {@code doi_key} postings and the stored {@code doi} and {@code doi_key}): the same documents as indexing each
     * copy would make, without analysing the same text 86 times more.
     */
    static SearchIndex rebuild(SearchIndex index, DiscoveryProperties properties, List<Document> docs,
                                       int copies) throws Exception {
        index.destroy();
        Path dir = properties.indexDir();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        long started = System.nanoTime();
        index = new SearchIndex(properties);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SearchIndex target = index;
            work.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < docs.size(); n = next.getAndIncrement()) {
                    Document d = docs.get(n);
                    target.put(ArticleDocuments.key(d.get(Fields.DOI)), 1, d);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        index.commit();
        index.destroy();
        double analysed = (System.nanoTime() - started) / 1e9;
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Fields.analyzer()));
             DirectoryReader corpus = DirectoryReader.open(directory)) {
            for (int c = 1; c < copies; c += COPIES_PER_SEGMENT) {
                List<CodecReader> batch = new ArrayList<>();
                for (int k = c; k < Math.min(copies, c + COPIES_PER_SEGMENT); k++) {
                    for (LeafReaderContext leaf : corpus.leaves()) {
                        batch.add(SlowCodecReaderWrapper.wrap(new CopyReader(leaf.reader(), k)));
                    }
                }
                writer.addIndexes(batch.toArray(CodecReader[]::new));
                System.out.printf(Locale.ROOT, "  %,d articles, %.0f s%n", Math.min(copies, c + COPIES_PER_SEGMENT)
                        * docs.size(), (System.nanoTime() - started) / 1e9);
            }
            writer.commit();
        }
        System.out.printf(Locale.ROOT, "indexed %,d corpus articles in %.0f s (%.0f articles/s, %d threads), then %d "
                        + "copies under other DOI prefixes: %,d articles in %.0f s%n", docs.size(), analysed,
                docs.size() / analysed, THREADS, copies - 1, copies * docs.size(), (System.nanoTime() - started) / 1e9);
        index = new SearchIndex(properties);
        index.refresh();
        return index;
    }

    /** DOI {@code 10.X/…} of copy {@code c}, as {@code 10.9000c.X/…}: sorts among its copy as the original did. */
    static String copyDoi(String doi, int copy) {
        if (!doi.startsWith("10.")) {
            throw new IllegalArgumentException("not a DOI: " + doi);
        }
        return "10." + (90_000 + copy) + "." + doi.substring(3);
    }

    /** The corpus index seen as copy {@code c}: each document's DOI rewritten where the index holds it. */
    private static final class CopyReader extends FilterLeafReader {

        private final int copy;

        CopyReader(LeafReader in, int copy) {
            super(in);
            this.copy = copy;
        }

        private BytesRef renamed(BytesRef key) {
            return new BytesRef(copyDoi(key.utf8ToString(), copy));
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = super.terms(field);
            if (terms == null || !field.equals(Fields.DOI_KEY)) {
                return terms;
            }
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() throws IOException {
                    return new FilterTermsEnum(in.iterator()) {
                        @Override
                        public BytesRef term() throws IOException {
                            return renamed(in.term());
                        }

                        @Override
                        public BytesRef next() throws IOException {
                            BytesRef t = in.next();
                            return t == null ? null : renamed(t);
                        }

                        @Override
                        public SeekStatus seekCeil(BytesRef text) {
                            throw new UnsupportedOperationException("merging only iterates");
                        }

                        @Override
                        public boolean seekExact(BytesRef text) {
                            throw new UnsupportedOperationException("merging only iterates");
                        }
                    };
                }

                @Override
                public BytesRef getMin() throws IOException {
                    return renamed(in.getMin());
                }

                @Override
                public BytesRef getMax() throws IOException {
                    return renamed(in.getMax());
                }
            };
        }

        @Override
        public StoredFields storedFields() throws IOException {
            StoredFields stored = in.storedFields();
            return new StoredFields() {
                @Override
                public void document(int docID, StoredFieldVisitor visitor) throws IOException {
                    stored.document(docID, new StoredFieldVisitor() {
                        @Override
                        public Status needsField(FieldInfo fieldInfo) throws IOException {
                            return visitor.needsField(fieldInfo);
                        }

                        @Override
                        public void stringField(FieldInfo fieldInfo, String value) throws IOException {
                            boolean doi = fieldInfo.name.equals(Fields.DOI) || fieldInfo.name.equals(Fields.DOI_KEY);
                            visitor.stringField(fieldInfo, doi ? copyDoi(value, copy) : value);
                        }

                        @Override
                        public void binaryField(FieldInfo fieldInfo, byte[] value) throws IOException {
                            visitor.binaryField(fieldInfo, value);
                        }

                        @Override
                        public void intField(FieldInfo fieldInfo, int value) throws IOException {
                            visitor.intField(fieldInfo, value);
                        }

                        @Override
                        public void longField(FieldInfo fieldInfo, long value) throws IOException {
                            visitor.longField(fieldInfo, value);
                        }

                        @Override
                        public void floatField(FieldInfo fieldInfo, float value) throws IOException {
                            visitor.floatField(fieldInfo, value);
                        }

                        @Override
                        public void doubleField(FieldInfo fieldInfo, double value) throws IOException {
                            visitor.doubleField(fieldInfo, value);
                        }
                    });
                }
            };
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
