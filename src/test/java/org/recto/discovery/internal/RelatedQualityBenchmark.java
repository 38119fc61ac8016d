package org.recto.discovery.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.discovery.DiscoveryProperties;
import org.recto.jats.JatsReader;

/**
 * How good the similar-articles list is, measured on pairs a human editor made: in
 * {@code ../shared/corpus/related-links.tsv} each research article with an eLife Insight ({@code commentary}) and
 * that Insight. Every {@code <related-article>} element is removed from every file before it is read, so the
 * editor's link cannot leak in; the whole corpus is indexed with the same document builder and similarity code the
 * publish-time listener uses; then, for each pair, where the partner ranks in each side's list. Prints recall@1,
 * recall@5 and MRR (over the top 20; a partner not in it counts 0), both directions together and each alone.
 * Not a test: run it by hand (about a minute):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.recto.discovery.internal.RelatedQualityBenchmark
 * </pre>
 * Argument: the shared folder (default ../shared).
 */
public final class RelatedQualityBenchmark {

    private static final Pattern RELATED = Pattern.compile("<related-article\\b[^>]*?(/>|>.*?</related-article>)",
            Pattern.DOTALL);
    private static final int DEPTH = 20;

    private RelatedQualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("recto.shared.dir", "../shared"));
        Path corpus = shared.resolve("corpus/jats");
        List<String[]> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("corpus/related-links.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5 && "commentary".equals(f[2]) && !f[4].isBlank()) {
                pairs.add(new String[] {f[1], f[3]});
            }
        }
        Path dir = Files.createTempDirectory("recto-related-bench");
        SearchIndex index = new SearchIndex(new DiscoveryProperties(dir, 500, Duration.ofSeconds(2),
                Duration.ofMinutes(5), 5, 8, Duration.ofSeconds(1)));
        long started = System.nanoTime();
        int files = load(index, corpus);
        index.refresh();
        System.out.printf(Locale.ROOT, "indexed %d articles (related-article elements removed) in %.1f s%n", files,
                (System.nanoTime() - started) / 1e9);

        for (boolean references : new boolean[] {true, false}) {
            System.out.println(references ? "text and references (as published):" : "text alone (ablation):");
            evaluate(index, pairs, references);
        }
        index.destroy();
    }

    private static void evaluate(SearchIndex index, List<String[]> pairs, boolean references) throws Exception {
        Map<String, int[]> ranks = new LinkedHashMap<>();
        ranks.put("research article -> its Insight", new int[pairs.size()]);
        ranks.put("Insight -> its research article", new int[pairs.size()]);
        long computing = System.nanoTime();
        for (int i = 0; i < pairs.size(); i++) {
            String research = pairs.get(i)[0].toLowerCase(Locale.ROOT);
            String insight = pairs.get(i)[1].toLowerCase(Locale.ROOT);
            ranks.get("research article -> its Insight")[i] = rank(index, research, insight, references);
            ranks.get("Insight -> its research article")[i] = rank(index, insight, research, references);
        }
        double perList = (System.nanoTime() - computing) / 1e6 / (2.0 * pairs.size());
        System.out.printf(Locale.ROOT, "  %d pairs; %.1f ms per similar-articles list%n", pairs.size(), perList);
        List<Integer> all = new ArrayList<>();
        ranks.forEach((name, r) -> {
            print(name, r);
            for (int x : r) {
                all.add(x);
            }
        });
        print("both directions", all.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int load(SearchIndex index, Path corpus) throws Exception {
        JatsReader reader = new JatsReader();
        int n = 0;
        try (Stream<Path> paths = Files.list(corpus)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String xml = RELATED.matcher(Files.readString(p, StandardCharsets.UTF_8)).replaceAll("");
                Article a = reader.read(xml.getBytes(StandardCharsets.UTF_8), p.getFileName().toString());
                index.put(ArticleDocuments.key(a.doi()), 1,
                        ArticleDocuments.of(new StoredArticle(a, 1, 1, Instant.EPOCH), List.of()));
                n++;
            }
        }
        return n;
    }

    /** 1-based rank of {@code partner} in the similar list of {@code doiKey}, 0 if not in the first DEPTH. */
    private static int rank(SearchIndex index, String doiKey, String partner, boolean references) throws Exception {
        List<SimilarArticles.Similar> similar = index.read((searcher, facets) ->
                SimilarArticles.of(searcher, index.analyzer(), doiKey, DEPTH, references));
        for (int i = 0; i < similar.size(); i++) {
            if (similar.get(i).doi().equalsIgnoreCase(partner)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void print(String name, int[] ranks) {
        long at1 = java.util.Arrays.stream(ranks).filter(r -> r == 1).count();
        long at5 = java.util.Arrays.stream(ranks).filter(r -> r >= 1 && r <= 5).count();
        double mrr = java.util.Arrays.stream(ranks).mapToDouble(r -> r == 0 ? 0 : 1.0 / r).average().orElse(0);
        System.out.printf(Locale.ROOT, "  %-34s n=%3d  recall@1 %.3f  recall@5 %.3f  MRR %.3f%n", name, ranks.length,
                at1 / (double) ranks.length, at5 / (double) ranks.length, mrr);
    }
}
