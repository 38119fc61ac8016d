package org.recto.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.Report;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.DefaultReportImpl;

/** The standards' own validators, as the tests and the corpus command run them. */
public final class Validators {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Validators() {
    }

    /** veraPDF's PDF/UA-1 verdict: empty when compliant, else each failed rule with its message. */
    public static List<String> pdfUaProblems(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> problems = new ArrayList<>();
            for (TestAssertion t : result.getTestAssertions()) {
                if (t.getStatus() == TestAssertion.Status.FAILED) {
                    String p = t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + ": " + t.getMessage();
                    if (!problems.contains(p)) {
                        problems.add(p);
                    }
                }
            }
            if (!result.isCompliant() && problems.isEmpty()) {
                problems.add("not compliant");
            }
            return problems;
        }
    }

    /** The PDF's text in reading order, as PDFBox extracts it. */
    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            return stripper.getText(doc);
        }
    }

    /** The text of the PDF's first {@code pages} pages, top to bottom and left to right, as a reader sees it. */
    public static String pdfTextAsSeen(byte[] pdf, int pages) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(pages);
            return stripper.getText(doc);
        }
    }

    /** EPUBCheck's messages of severity warning and above (none means the EPUB passes). */
    public static List<String> epubProblems(byte[] epub) throws IOException {
        Path file = Files.createTempFile("recto-", ".epub");
        try {
            Files.write(file, epub);
            List<String> problems = new ArrayList<>();
            Report report = new DefaultReportImpl(file.toString()) {
                @Override
                public void message(Message message, EPUBLocation location, Object... args) {
                    Severity severity = message.getSeverity();
                    if (severity == Severity.WARNING || severity == Severity.ERROR || severity == Severity.FATAL) {
                        problems.add(severity + " " + message.getID() + " " + location + ": " + message.getMessage(args));
                    }
                }
            };
            new EpubCheck(file.toFile(), report).check();
            return problems;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
