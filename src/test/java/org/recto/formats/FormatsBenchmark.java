package org.recto.formats;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.formats.internal.FormatMaker;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;

/**
 * How long a PDF and an EPUB take to make, per article: the first N corpus articles (50 by default), each
 * made twice after a warm-up on the seed, the second time counted. Prints the median and the worst, beside
 * the time a bare JATS read of the same article takes (the baseline, measured in the same run).
 */
public final class FormatsBenchmark {

    public static void main(String[] args) throws Exception {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        JatsReader reader = new JatsReader();
        FormatMaker maker = new FormatMaker(null, null);
        Article seed = reader.read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed");
        for (int i = 0; i < 3; i++) {
            maker.make(stored(seed), FormatKind.PDF, List.of());
            maker.make(stored(seed), FormatKind.EPUB, List.of());
        }
        List<Double> pdf = new ArrayList<>();
        List<Double> epub = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        String worstPdf = "";
        double worst = 0;
        for (Path file : CorpusSample.all().subList(0, n)) {
            byte[] xml = SharedData.read(file);
            long t = System.nanoTime();
            Article a = reader.read(xml, file.getFileName().toString());
            read.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            maker.make(stored(a), FormatKind.PDF, List.of());
            double ms = (System.nanoTime() - t) / 1e6;
            pdf.add(ms);
            if (ms > worst) {
                worst = ms;
                worstPdf = file.getFileName().toString();
            }
            t = System.nanoTime();
            maker.make(stored(a), FormatKind.EPUB, List.of());
            epub.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf("%d articles: PDF median %.0f ms, worst %.0f ms (%s); EPUB median %.0f ms, worst %.0f ms; "
                        + "JATS read median %.1f ms (PDF median / read median = %.0f)%n",
                n, median(pdf), worst, worstPdf, median(epub), Collections.max(epub), median(read), median(pdf) / median(read));
    }

    private static StoredArticle stored(Article a) {
        return new StoredArticle(a, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
