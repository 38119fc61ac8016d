package org.recto.discovery.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.recto.discovery.DiscoveryProperties;

/**
 * Search latency at scale: the corpus is read once and indexed with the listener's own document builder, then copied
 * under as many DOI prefixes as it takes to reach {@code ARTICLES} (100,000 by default: 87 copies, 100,572
 * articles; see {@link ScaleIndexBuilder#rebuild}); then a mix of
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
 * ../shared/corpus/jats); the rounds of the query mix timed (default 5; more for a profile with more samples).
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
    /** The slowest queries (by CPU p95) listed after the figures, to say which ones make the overall p95. */
    private static final int SLOWEST = 8;
    /** The DOIs of the new articles whose related content is timed. */
    private static final String NEW_PREFIX = "10.89999/new.";

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
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : ROUNDS;
        DiscoveryProperties properties = new DiscoveryProperties(dir, 500, Duration.ofSeconds(5), Duration.ofMinutes(5), 5, 8, Duration.ofSeconds(1));
        SearchIndex index = new SearchIndex(properties);
        removeNewArticles(index);
        SearchService search = new SearchService(index, properties);

        List<Document> documents = ScaleIndexBuilder.documents(corpus);
        int copies = (articles + documents.size() - 1) / documents.size();
        if (index.versions().size() < copies * documents.size()) {
            index = ScaleIndexBuilder.rebuild(index, properties, documents, copies);
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
            measure(searching, built, rounds);
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
        removeNewArticles(index);
        index.destroy();
    }

    /** The new articles' documents go again, so that every run searches the same articles (earlier runs kept them). */
    private static void removeNewArticles(SearchIndex index) throws Exception {
        index.versions().keySet().stream().filter(key -> key.startsWith(NEW_PREFIX)).forEach(index::remove);
        index.commit();
    }

    private static void measure(SearchService search, SearchIndex index, int rounds) throws Exception {
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < QUERIES.size(); i++) {
                search.search(query(i));
                baseline(index);
            }
        }
        Map<Integer, List<double[]>> byQuery = new TreeMap<>();
        List<double[]> base = new ArrayList<>();
        long gcBefore = gcMillis();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < QUERIES.size(); i++) {
                SearchQuery query = query(i);
                byQuery.computeIfAbsent(i, k -> new ArrayList<>()).add(timed(() -> search.search(query)));
                base.add(timed(() -> baseline(index)));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d searches and %d baseline queries in %.1f s, %d ms of it in GC; load average %.2f%n",
                rounds * QUERIES.size(), base.size(), seconds, gcMillis() - gcBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report(search, byQuery, base);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Wall clock and this thread's CPU, in milliseconds. */
    private static double[] timed(Work work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        work.run();
        return new double[] {(System.nanoTime() - t) / 1e6, (threads.getCurrentThreadCpuTime() - c) / 1e6};
    }

    private static void report(SearchService search, Map<Integer, List<double[]>> byQuery, List<double[]> base)
            throws Exception {
        Map<String, List<double[]>> byKind = new TreeMap<>();
        List<double[]> all = new ArrayList<>();
        byQuery.forEach((i, m) -> {
            byKind.computeIfAbsent(kind(i, query(i)), k -> new ArrayList<>()).addAll(m);
            all.addAll(m);
        });
        byKind.forEach((kind, m) -> print("  " + kind, m, null));
        print("all searches", all, base);
        print("baseline: bare TermQuery body:cell, top 20", base, null);
        System.out.println("slowest queries (CPU p95):");
        List<Integer> slowest = new ArrayList<>(byQuery.keySet());
        slowest.sort(Comparator.comparingDouble((Integer i) -> -cpuP95(byQuery.get(i))));
        for (int i : slowest.subList(0, Math.min(SLOWEST, slowest.size()))) {
            SearchQuery q = query(i);
            SearchResults r = search.search(q);
            System.out.printf(Locale.ROOT, "  %6.2f ms  %-28s %-24s %,7d matches%n", cpuP95(byQuery.get(i)), q.text(),
                    kind(i, q) + (q.page() > 1 ? ", page 2" : ""), r.total());
        }
    }

    private static double cpuP95(List<double[]> m) {
        return pct(m.stream().mapToDouble(x -> x[1]).sorted().toArray(), 95);
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
            String doi = NEW_PREFIX + i + "." + System.nanoTime();
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            index.put(ArticleDocuments.key(doi), 1, ScaleIndexBuilder.copy(template, doi));
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
