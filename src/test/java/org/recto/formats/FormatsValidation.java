package org.recto.formats;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.formats.internal.FormatMaker;
import org.recto.jats.JatsReader;

/**
 * Makes the PDF and the EPUB of articles and runs the validators on them: veraPDF (PDF/UA-1), PDFBox's
 * text (the title must be in the first page's) and EPUBCheck, timing each stage. {@link CorpusValidation} runs it
 * over a folder (the whole corpus by default) on a thread pool; {@code FormatsSampleTest} on a sample in the test
 * suite. One instance serves any number of threads: the makers are stateless, and veraPDF keeps its per-document
 * state per thread.
 */
public final class FormatsValidation {

    /** Milliseconds each stage took for one article (-1: not reached). */
    public record Timings(long read, long pdf, long veraPdf, long text, long epub, long epubCheck) {
        static final List<String> STAGES = List.of("JATS read", "PDF made", "veraPDF", "text check", "EPUB made", "EPUBCheck");

        long[] values() {
            return new long[] {read, pdf, veraPdf, text, epub, epubCheck};
        }
    }

    /** One article's verdict: empty problem lists mean it passes. */
    public record Verdict(Path file, String doi, List<String> pdf, List<String> epub, Timings timings) {
        public boolean passes() {
            return pdf.isEmpty() && epub.isEmpty();
        }
    }

    private final JatsReader reader = new JatsReader();
    private final FormatMaker maker = new FormatMaker(null, null);

    public FormatsValidation() {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    public Verdict check(Path file) {
        List<String> pdfProblems = new ArrayList<>();
        List<String> epubProblems = new ArrayList<>();
        String doi = "?";
        long[] ms = {-1, -1, -1, -1, -1, -1};
        long t = System.nanoTime();
        try {
            Article a = reader.read(org.recto.support.SharedData.read(file), file.getFileName().toString());
            doi = a.doi();
            StoredArticle stored = new StoredArticle(a, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
            t = lap(ms, 0, t);
            byte[] pdf = maker.make(stored, FormatKind.PDF, List.of());
            t = lap(ms, 1, t);
            pdfProblems.addAll(Validators.pdfUaProblems(pdf));
            t = lap(ms, 2, t);
            // The title is on the first page, read in the order it is seen (PDFBox's content order puts a line's italic
            // or linked words after the rest of it, as openhtmltopdf paints them); a line may break after a hyphen.
            String text = Validators.pdfTextAsSeen(pdf, 1).replaceAll("\\s+", "");
            String title = a.titleText().replaceAll("\\s+", " ");
            String start = title.substring(0, Math.min(40, title.length()));
            if (!text.contains(start.replace(" ", ""))) {
                pdfProblems.add("the extracted text lacks the title's start: " + start);
            }
            t = lap(ms, 3, t);
            byte[] epub = maker.make(stored, FormatKind.EPUB, List.of());
            t = lap(ms, 4, t);
            epubProblems.addAll(Validators.epubProblems(epub));
            lap(ms, 5, t);
        } catch (Exception | StackOverflowError e) {
            pdfProblems.add("could not be made: " + e);
        }
        return new Verdict(file, doi, pdfProblems, epubProblems, new Timings(ms[0], ms[1], ms[2], ms[3], ms[4], ms[5]));
    }

    private static long lap(long[] ms, int stage, long since) {
        long now = System.nanoTime();
        ms[stage] = (now - since) / 1_000_000;
        return now;
    }

    /** Kept for the command in the README: the whole-corpus run is {@link CorpusValidation}'s. */
    public static void main(String[] args) throws Exception {
        CorpusValidation.main(args);
    }
}
