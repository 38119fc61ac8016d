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
 * text (the title must be in it) and EPUBCheck. {@code main} runs it over a folder (the whole corpus by
 * default) and prints how many pass and why each other one does not; {@code FormatsSampleTest} runs it on a
 * sample in the test suite.
 */
public final class FormatsValidation {

    /** One article's verdict: empty problem lists mean it passes. */
    public record Verdict(Path file, String doi, List<String> pdf, List<String> epub, long pdfMillis, long epubMillis) {
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
        long pdfMillis = -1;
        long epubMillis = -1;
        try {
            Article a = reader.read(org.recto.support.SharedData.read(file), file.getFileName().toString());
            doi = a.doi();
            StoredArticle stored = new StoredArticle(a, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
            long t = System.nanoTime();
            byte[] pdf = maker.make(stored, FormatKind.PDF, List.of());
            pdfMillis = (System.nanoTime() - t) / 1_000_000;
            pdfProblems.addAll(Validators.pdfUaProblems(pdf));
            String text = Validators.pdfText(pdf).replaceAll("\\s+", " ");
            String title = a.titleText().replaceAll("\\s+", " ");
            String start = title.substring(0, Math.min(40, title.length()));
            if (!text.contains(start)) {
                pdfProblems.add("the extracted text lacks the title's start: " + start);
            }
            t = System.nanoTime();
            byte[] epub = maker.make(stored, FormatKind.EPUB, List.of());
            epubMillis = (System.nanoTime() - t) / 1_000_000;
            epubProblems.addAll(Validators.epubProblems(epub));
        } catch (Exception e) {
            pdfProblems.add("could not be made: " + e);
        }
        return new Verdict(file, doi, pdfProblems, epubProblems, pdfMillis, epubMillis);
    }

    /** {@code [FOLDER] [--limit N]}: every .xml of the folder (the shared corpus by default). */
    public static void main(String[] args) {
        List<Path> files = CorpusSample.all();
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--limit")) {
                limit = Integer.parseInt(args[++i]);
            } else {
                System.setProperty("recto.shared.dir", Path.of(args[i]).toAbsolutePath().toString());
                files = CorpusSample.all();
            }
        }
        files = files.subList(0, Math.min(limit, files.size()));
        FormatsValidation validation = new FormatsValidation();
        int passed = 0;
        for (Path f : files) {
            Verdict v = validation.check(f);
            if (v.passes()) {
                passed++;
            } else {
                System.out.println("FAIL " + f.getFileName() + " (" + v.doi() + "): PDF " + v.pdf() + " EPUB " + v.epub());
            }
        }
        System.out.printf("%d of %d articles pass veraPDF (PDF/UA-1), the text check and EPUBCheck%n", passed, files.size());
    }
}
