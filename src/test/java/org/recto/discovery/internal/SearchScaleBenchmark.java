package org.recto.discovery.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.discovery.DiscoveryProperties;
import org.recto.jats.JatsReader;

/**
 * Search latency as the index grows: the corpus is indexed once (the baseline), then again under further DOI
 * prefixes until it holds {@code COPIES} times as many articles; at each size the same 40 searches (words, phrases,
 * fields, a facet, by date; each with its facet counts and highlighted snippets, as {@code /api/v1/search} runs
 * them) are timed, and the time to compute one article's similar articles. Prints p50 and p95 at both sizes and
 * the ratio. Not a test: run it by hand (a few minutes for 5 copies):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.recto.discovery.internal.SearchScaleBenchmark 5
 * </pre>
 * Arguments: copies (default 5), corpus folder (default ../shared/corpus/jats).
 */
public final class SearchScaleBenchmark {

    private static final List<String> QUERIES = List.of("cell", "protein", "gene expression", "immune response",
            "lipid droplets", "\"stem cells\"", "mouse brain neurons", "evolution", "malaria parasite", "drosophila",
            "title:receptor", "author:smith", "abstract:mitochondria", "keyword:zebrafish", "bacteria antibiotic",
            "climate", "rna sequencing", "cancer OR tumour", "signal* pathway", "neuron NOT mouse", "hiv", "plant",
            "\"cell division\"", "circadian clock", "membrane transport", "enzyme structure", "vaccine",
            "synaptic plasticity", "genome wide association", "cryo-em", "population genetics", "the", "development",
            "learning memory", "insulin", "calcium", "yeast", "epidemiology", "ribosome", "behaviour");
    private static final int ROUNDS = 3;

    private SearchScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path corpus = Path.of(args.length > 1 ? args[1]
                : System.getProperty("recto.shared.dir", "../shared") + "/corpus/jats");
        Path dir = Files.createTempDirectory("recto-search-bench");
        DiscoveryProperties properties = new DiscoveryProperties(dir, 500, Duration.ofSeconds(5), Duration.ofMinutes(5), 5, 8);
        SearchIndex index = new SearchIndex(properties);
        SearchService search = new SearchService(index, properties);

        List<Document> documents = documents(corpus);
        add(index, documents, 0);
        index.refresh();
        double[] base = measure(search, index);
        System.out.printf(Locale.ROOT, "%,7d articles: search p50 %.1f ms, p95 %.1f ms (CPU of the searching thread: "
                + "p50 %.1f ms, p95 %.1f ms); similar articles %.0f ms%n", documents.size(), base[0], base[1], base[3],
                base[4], base[2]);
        for (int c = 1; c < copies; c++) {
            add(index, documents, c);
        }
        index.commit();
        index.refresh();
        double[] big = measure(search, index);
        System.out.printf(Locale.ROOT, "%,7d articles: search p50 %.1f ms, p95 %.1f ms (CPU of the searching thread: "
                + "p50 %.1f ms, p95 %.1f ms); similar articles %.0f ms%n", documents.size() * copies, big[0], big[1],
                big[3], big[4], big[2]);
        System.out.printf(Locale.ROOT, "ratio at %d× the articles: p50 %.2f, p95 %.2f, CPU p95 %.2f, similar articles %.2f%n",
                copies, big[0] / base[0], big[1] / base[1], big[4] / base[4], big[2] / base[2]);
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

    /** The documents again, each under the DOI prefix of copy {@code c} (copy 0 keeps its own). */
    private static void add(SearchIndex index, List<Document> docs, int c) {
        for (Document d : docs) {
            String doi = d.get(Fields.DOI);
            String copy = c == 0 ? doi : "10.9" + String.format(Locale.ROOT, "%03d", c) + doi.substring(doi.indexOf('/'));
            d.removeFields(Fields.DOI);
            d.removeFields(Fields.DOI_KEY);
            d.add(new StringField(Fields.DOI_KEY, ArticleDocuments.key(copy), Field.Store.YES));
            d.add(new StoredField(Fields.DOI, copy));
            index.put(ArticleDocuments.key(copy), 1, d);
        }
    }

    /** p50 and p95 of the searches (best of the rounds per query), and the median similar-articles time. */
    private static double[] measure(SearchService search, SearchIndex index) throws Exception {
        for (int warm = 0; warm < 3; warm++) {
            for (String q : QUERIES) {
                search.search(new SearchQuery(q, Map.of(), SearchQuery.Sort.RELEVANCE, 1, 20));
            }
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < QUERIES.size(); i++) {
                Map<String, List<String>> facet = i % 5 == 0 ? Map.of("type", List.of("Research article")) : Map.of();
                SearchQuery.Sort sort = i % 7 == 0 ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE;
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                search.search(new SearchQuery(QUERIES.get(i), facet, sort, 1 + i % 2, 20));
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        double[] similar = new double[9];
        String[] dois = {"10.7554/elife.00003", "10.7554/elife.00302", "10.7554/elife.00007"};
        for (int i = 0; i < similar.length; i++) {
            String doi = dois[i % dois.length];
            long t = System.nanoTime();
            index.read((searcher, facets) -> SimilarArticles.of(searcher, index.analyzer(), doi, 5, true));
            similar[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(similar);
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpuSorted = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                similar[similar.length / 2], cpuSorted[cpuSorted.length / 2],
                cpuSorted[(int) Math.ceil(cpuSorted.length * 0.95) - 1]};
    }
}
