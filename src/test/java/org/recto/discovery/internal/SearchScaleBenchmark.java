package org.recto.discovery.internal;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.TermQuery;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.discovery.DiscoveryProperties;
import org.recto.jats.JatsReader;

/**
 * Search latency at scale: the corpus is read once and indexed with the listener's own document builder, then copied
 * under as many DOI prefixes as it takes to reach {@code ARTICLES} (100,000 by default: 87 copies, 100,572
 * articles; see {@link #rebuild}); then a mix of
 * searches (single words, phrases, field queries, a facet filter, sorting by date, page 2; each with its facet
 * counts and highlighted snippets, as {@code /api/v1/search} runs them) is timed, wall clock and the searching
 * thread's CPU, beside a baseline measured in the same rounds: a bare Lucene {@link TermQuery} (top 20) on the same
 * searcher. Then a new article's related content (index it, make it visible, concepts and similar articles) is
 * timed at that size. Prints p50 and p95 per kind of query and overall, the ratios to the baseline, the time spent
 * in garbage collection while measuring and the load average. Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *      org.recto.discovery.internal.SearchScaleBenchmark 100000 /tmp/recto-search-100k
 * </pre>
 * Arguments: articles (default 100000); an index folder (default a new temporary one; an existing index there with
 * at least that many articles is searched as it is, so later runs skip the indexing); the corpus folder (default
 * ../shared/corpus/jats).
 */
public final class SearchScaleBenchmark {

    /** Each query with its kind; the facet, the date sort and page 2 are applied to some of them below. */
    private static final List<String[]> QUERIES = List.of(
            q("word", "cell"), q("word", "protein"), q("words", "gene expression"), q("words", "immune response"),
            q("words", "lipid droplets"), q("phrase", "\"stem cells\""), q("words", "mouse brain neurons"),
            q("word", "evolution"), q("words", "malaria parasite"), q("word", "drosophila"),
            q("field", "title:receptor"), q("field", "author:smith"), q("field", "abstract:mitochondria"),
            q("field", "keyword:zebrafish"), q("words", "bacteria antibiotic"), q("word", "climate"),
            q("words", "rna sequencing"), q("operators", "cancer OR tumour"), q("operators", "signal* pathway"),
            q("operators", "neuron NOT mouse"), q("word", "hiv"), q("word", "plant"), q("phrase", "\"cell division\""),
            q("words", "circadian clock"), q("words", "membrane transport"), q("words", "enzyme structure"),
            q("word", "vaccine"), q("words", "synaptic plasticity"), q("words", "genome wide association"),
            q("word", "cryo-em"), q("words", "population genetics"), q("word", "the"), q("word", "development"),
            q("words", "learning memory"), q("word", "insulin"), q("word", "calcium"), q("word", "yeast"),
            q("word", "epidemiology"), q("word", "ribosome"), q("word", "behaviour"),
            q("field", "doi:10.7554/elife.00003"), q("phrase", "\"in vivo\""));
    private static final int ROUNDS = 5;
    private static final int THREADS = 2;
    /** Copies of the corpus added in one {@code addIndexes} call, so in one segment (9,248 articles). */
    private static final int COPIES_PER_SEGMENT = 8;

    private SearchScaleBenchmark() {
    }

    private static String[] q(String kind, String text) {
        return new String[] {kind, text};
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("recto-search-bench");
        Path corpus = Path.of(args.length > 2 ? args[2]
                : System.getProperty("recto.shared.dir", "../shared") + "/corpus/jats");
        DiscoveryProperties properties = new DiscoveryProperties(dir, 500, Duration.ofSeconds(5), Duration.ofMinutes(5), 5, 8, Duration.ofSeconds(1));
        SearchIndex index = new SearchIndex(properties);
        SearchService search = new SearchService(index, properties);

        List<Document> documents = documents(corpus);
        int copies = (articles + documents.size() - 1) / documents.size();
        if (index.versions().size() < copies * documents.size()) {
            index = rebuild(index, properties, documents, copies);
            search = new SearchService(index, properties);
        } else {
            index.refresh();
            System.out.printf(Locale.ROOT, "searching the %,d articles already in %s%n", index.versions().size(), dir);
        }
        int size = index.read((searcher, facets) -> searcher.getIndexReader().numDocs());
        int segments = index.read((searcher, facets) -> searcher.getIndexReader().leaves().size());
        System.out.printf(Locale.ROOT, "index: %,d articles in %d segments; load average %.2f on %d cores%n", size,
                segments, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        // On a thread of its own, so that a profile (JFR) can tell the searches from the indexing.
        ExecutorService measuring = Executors.newSingleThreadExecutor(r -> new Thread(r, "search-bench"));
        SearchIndex built = index;
        SearchService searching = search;
        measuring.submit(() -> {
            measure(searching, built);
            return null;
        }).get();
        measuring.shutdown();
        ExecutorService relating = Executors.newSingleThreadExecutor(r -> new Thread(r, "related-bench"));
        relating.submit(() -> {
            newArticle(built, documents.get(documents.size() / 2), properties);
            return null;
        }).get();
        relating.shutdown();
        System.out.printf(Locale.ROOT, "load average %.2f at the end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        index.destroy();
    }

    private static List<Document> documents(Path corpus) throws Exception {
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
    private static SearchIndex rebuild(SearchIndex index, DiscoveryProperties properties, List<Document> docs,
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

    private static void measure(SearchService search, SearchIndex index) throws Exception {
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < QUERIES.size(); i++) {
                search.search(query(i));
                baseline(index);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> byKind = new TreeMap<>();
        List<double[]> all = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        long gcBefore = gcMillis();
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < QUERIES.size(); i++) {
                SearchQuery query = query(i);
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                search.search(query);
                double[] m = {(System.nanoTime() - t) / 1e6, (threads.getCurrentThreadCpuTime() - c) / 1e6};
                all.add(m);
                byKind.computeIfAbsent(kind(i, query), k -> new ArrayList<>()).add(m);
                t = System.nanoTime();
                c = threads.getCurrentThreadCpuTime();
                baseline(index);
                base.add(new double[] {(System.nanoTime() - t) / 1e6, (threads.getCurrentThreadCpuTime() - c) / 1e6});
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d searches and %d baseline queries in %.1f s, %d ms of it in GC; load average %.2f%n",
                all.size(), base.size(), seconds, gcMillis() - gcBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        byKind.forEach((kind, m) -> print("  " + kind, m, null));
        print("all searches", all, base);
        print("baseline: bare TermQuery body:cell, top 20", base, null);
    }

    /** The i-th query of the mix: every 5th narrowed by a facet, every 7th sorted by date, every 6th on page 2. */
    private static SearchQuery query(int i) {
        Map<String, List<String>> facet = i % 5 == 0 ? Map.of("type", List.of("Research article")) : Map.of();
        SearchQuery.Sort sort = i % 7 == 0 ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE;
        return new SearchQuery(QUERIES.get(i)[1], facet, sort, i % 6 == 5 ? 2 : 1, 20);
    }

    private static String kind(int i, SearchQuery q) {
        String kind = QUERIES.get(i)[0];
        if (!q.filters().isEmpty()) {
            kind += " + facet";
        }
        return q.sort() == SearchQuery.Sort.DATE ? kind + " by date" : kind;
    }

    private static void baseline(SearchIndex index) throws Exception {
        index.read((searcher, facets) -> searcher.search(new TermQuery(new Term(Fields.BODY, "cell")), 20));
    }

    /** A new article's own related content, as the publishing listener computes it, at this size. */
    private static void newArticle(SearchIndex index, Document template, DiscoveryProperties properties) throws Exception {
        RelatedComputation related = new RelatedComputation(index, null, null, properties);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<double[]> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String doi = "10.89999/new." + i + "." + System.nanoTime();
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            index.put(ArticleDocuments.key(doi), 1, copy(template, doi));
            index.refresh();
            double visible = (System.nanoTime() - t) / 1e6;
            related.compute(ArticleDocuments.key(doi), true);
            times.add(new double[] {(System.nanoTime() - t) / 1e6, visible, (threads.getCurrentThreadCpuTime() - c) / 1e6});
        }
        times.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = times.get(times.size() / 2);
        double[] cpu = times.stream().mapToDouble(x -> x[2]).sorted().toArray();
        System.out.printf(Locale.ROOT, "a new article's own related content (index, refresh, concepts, similar articles): "
                + "median %.0f ms wall (%.0f ms of it indexing and refreshing), worst %.0f ms; CPU median %.0f ms; "
                + "load average %.2f%n", median[0], median[1], times.get(times.size() - 1)[0], cpu[cpu.length / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void print(String name, List<double[]> m, List<double[]> baseline) {
        double[] wall = m.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] cpu = m.stream().mapToDouble(x -> x[1]).sorted().toArray();
        String line = String.format(Locale.ROOT, "%-44s n=%3d  wall p50 %6.2f ms p95 %6.2f ms  CPU p50 %6.2f ms p95 %6.2f ms",
                name, wall.length, pct(wall, 50), pct(wall, 95), pct(cpu, 50), pct(cpu, 95));
        if (baseline != null) {
            double[] bw = baseline.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] bc = baseline.stream().mapToDouble(x -> x[1]).sorted().toArray();
            line += String.format(Locale.ROOT, "%n%-44s wall p95 %.1f×, CPU p95 %.1f× the baseline's", "  ratio",
                    pct(wall, 95) / pct(bw, 95), pct(cpu, 95) / pct(bc, 95));
        }
        System.out.println(line);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }
}
