package org.recto.formats.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.recto.article.Article;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.mathmlsupport.MathMLDrawer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The PDF of an article version: the print edition laid out by openhtmltopdf in PDF/UA mode (tagged,
 * with the document's title, language, author and subject in its metadata), set in the DejaVu fonts that
 * ship in the jar (in PDF/UA mode openhtmltopdf drops any text it has no registered font for), with
 * running heads, page numbers and bookmarks from the headings. Formulas are drawn from their MathML by
 * openhtmltopdf's JEuclid support, in the same fonts, and tagged Formula with their text as Alt. No external
 * resource is ever loaded.
 */
final class PdfMaker {

    private static final String FONTS = "/org/recto/formats/fonts/";
    private static final String IMAGE_SCHEME = "recto-image";
    /** The shipped fonts by file name, for the formulas' {@code @font-face} rules (pdf.css). */
    private static final String FONT_SCHEME = "recto-font";
    private static final List<String> FONT_FILES = List.of("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf");
    private final String css;
    /** The shipped fonts' bytes, read from the jar once (each PDF parses its own copy: a parsed font is not shared). */
    private final Map<String, byte[]> fonts = new HashMap<>();

    PdfMaker() {
        ShippedFonts.install();
        try (InputStream in = PdfMaker.class.getResourceAsStream("/org/recto/formats/pdf.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String file : FONT_FILES) {
                try (InputStream font = PdfMaker.class.getResourceAsStream(FONTS + file)) {
                    fonts.put(file, font.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] make(Article article, Document edition, List<EmbeddedImage> images, RenderDeadline deadline) throws IOException {
        Document doc = edition.clone();
        forPrint(doc, article);
        // What openhtmltopdf tags as Figure, in order: images and formulas.
        List<Boolean> formulaAt = doc.body().select("img, math").stream().map(e -> e.tagName().equals("math")).toList();
        Map<String, EmbeddedImage> byUri = new HashMap<>();
        for (EmbeddedImage image : images) {
            byUri.put(IMAGE_SCHEME + ":" + image.href(), image);
        }
        for (Element img : doc.body().select("img")) {
            img.attr("src", IMAGE_SCHEME + ":" + img.attr("src"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        deadline.check();
        // Our own document, so that the fonts load into it; closed here, as openhtmltopdf leaves it open.
        // Laid out and painted, finished while still open and saved once (not saved, parsed and saved again).
        try (PDDocument pdf = new PDDocument();
             PdfBoxRenderer renderer = builder(doc, byUri, pdf, deadline, out).buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            deadline.check();
            PdfFinish.apply(pdf, article, doc.selectFirst("html").attr("lang"));
            PdfFinish.formulas(pdf, formulaAt);
            deadline.check();
            pdf.save(deadline.guard(out));
        }
        return out.toByteArray();
    }

    private PdfRendererBuilder builder(Document doc, Map<String, EmbeddedImage> byUri, PDDocument target, RenderDeadline deadline,
            ByteArrayOutputStream out) {
        // Only the package images handed over and the shipped fonts are readable, by their own names; nothing else.
        BiPredicate<String, ExternalResourceType> onlyOurs = (uri, type) -> uri != null
                && (byUri.containsKey(uri) || uri.startsWith(FONT_SCHEME + ":") && fonts.containsKey(fontName(uri)));
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePDDocument(target)
                .usePdfUaAccessibility(true)
                .useMathMLDrawer(new MathMLDrawer())
                .withProducer("Recto")
                .useExternalResourceAccessControl(onlyOurs, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(onlyOurs, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .useProtocolsStreamImplementation(uri -> stream(byUri.containsKey(uri) ? byUri.get(uri).bytes() : null), IMAGE_SCHEME)
                .useProtocolsStreamImplementation(uri -> stream(fonts.get(fontName(uri))), FONT_SCHEME)
                .withW3cDocument(w3c(doc), null)
                .useUnicodeLineBreaker(deadline.lineBreaker())
                .usePageSupplier(deadline.pages())
                .toStream(out);
        font(builder, target, "DejaVuSerif.ttf", "Recto Serif", 400, FontStyle.NORMAL);
        font(builder, target, "DejaVuSerif-Bold.ttf", "Recto Serif", 700, FontStyle.NORMAL);
        font(builder, target, "DejaVuSerif-Italic.ttf", "Recto Serif", 400, FontStyle.ITALIC);
        font(builder, target, "DejaVuSerif-BoldItalic.ttf", "Recto Serif", 700, FontStyle.ITALIC);
        font(builder, target, "DejaVuSans.ttf", "Recto Sans", 400, FontStyle.NORMAL);
        font(builder, target, "DejaVuSans-Bold.ttf", "Recto Sans", 700, FontStyle.NORMAL);
        font(builder, target, "DejaVuSansMono.ttf", "Recto Mono", 400, FontStyle.NORMAL);
        return builder;
    }

    private static String fontName(String uri) {
        return uri.substring(FONT_SCHEME.length() + 1);
    }

    private static FSStream stream(byte[] bytes) {
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return null;
            }
        };
    }

    /**
     * A shipped font, parsed when the layout first asks for it, with its glyph substitutions (GSUB) off: PDFBox
     * applies them to every string it writes, a fifth of a PDF's making, for no more than the fi and fl ligatures
     * (openhtmltopdf does no shaping of its own), and a ligature glyph only makes the text harder to extract.
     */
    private void font(PdfRendererBuilder builder, PDDocument target, String file, String family, int weight, FontStyle style) {
        PDFontSupplier lazy = new PDFontSupplier(null) {
            private PDFont font;

            @Override
            public PDFont supply() {
                if (font == null) {
                    try {
                        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fonts.get(file)));
                        ttf.setEnableGsub(false);
                        font = PDType0Font.load(target, ttf, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException("the shipped font " + file + " cannot be read", e);
                    }
                }
                return font;
            }
        };
        builder.useFont(lazy, family, weight, style, true);
    }

    /** What openhtmltopdf needs beyond the shared edition: its stylesheet, a running head, bookmarks, tags it maps well. */
    private void forPrint(Document doc, Article article) {
        doc.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
        Element bookmarks = doc.head().appendElement("bookmarks");
        for (Element h : doc.body().select("h2[id], section[id] > h2, section[id] > h3")) {
            Element target = h.id().isEmpty() ? h.parent() : h;
            bookmarks.appendElement("bookmark").attr("name", h.text()).attr("href", "#" + target.id());
        }
        if (bookmarks.childrenSize() == 0) {
            bookmarks.remove();
        }
        String head = (article.journal().title() == null ? "" : article.journal().title() + " · ") + article.titleText();
        doc.body().prependElement("div").addClass("running-head").text(head.length() > 110 ? head.substring(0, 109) + "…" : head);
        // PDF/UA: every link annotation needs its alternate description (openhtmltopdf takes the title).
        for (Element a : doc.body().select("a[href]")) {
            String text = a.text().isBlank() ? a.attr("href") : a.text();
            a.attr("title", text.startsWith("#") ? "Go to " + text.substring(1) : text);
        }
        // A figure tag would need an alternative text of its own; as a block its caption is read as text.
        for (Element e : doc.body().select("figure")) {
            String kind = e.className().contains("table-wrap") ? "table-wrap" : "figure-like";
            e.tagName("div").attr("class", kind);
        }
        doc.body().select("figcaption").tagName("div").attr("class", "caption");
        doc.body().select("table").forEach(TableGrid::flatten);
        headingsInOrder(doc);
        // PDF/UA 7.21.7: no glyph may map to U+FEFF, a byte-order mark that two corpus articles carry in their text
        // as a zero-width no-break space; it shows nothing, so it goes.
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode t && t.getWholeText().indexOf('\uFEFF') >= 0) {
                t.text(t.getWholeText().replace("\uFEFF", ""));
            }
        });
        // A formula is drawn by JEuclid, tagged (a replaced element) as a Figure whose Alt is the alt attribute.
        for (Element math : doc.body().select("math")) {
            math.attr("xmlns", "http://www.w3.org/1998/Math/MathML").attr("alt", FormulaText.of(math));
        }
    }

    /** PDF/UA 7.4.2: headings descend one level at a time; a heading that skips levels moves up to the next one. */
    private static void headingsInOrder(Document doc) {
        int previous = 0;
        for (Element h : doc.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = Math.min(h.tagName().charAt(1) - '0', previous + 1);
            h.tagName("h" + level);
            previous = level;
        }
    }

    /** jsoup to DOM through the JDK's own factory, so a test classpath's Xerces cannot change it. */
    private static org.w3c.dom.Document w3c(Document doc) {
        try {
            org.w3c.dom.Document out = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            new W3CDom().convert(doc, out);
            return out;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
