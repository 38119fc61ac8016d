package org.recto.formats.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.PubDate;

/**
 * The EPUB 3 of an article version, written with {@code java.util.zip}: the package document, a
 * navigation document from the sections, and one XHTML content document with the same content as the PDF
 * (notes as EPUB footnotes that the body's note links point to). Nothing in it refers outside the book
 * except hyperlinks.
 */
final class EpubMaker {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String OPS = "http://www.idpf.org/2007/ops";
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String CSS = """
            body { font-family: serif; line-height: 1.45; margin: 0 4%; }
            h1 { font-size: 1.5em; line-height: 1.2; }
            h2 { font-size: 1.2em; margin-top: 1.5em; }
            .journal, .doi, .licence, .affiliations { font-size: 0.85em; }
            .authors { font-weight: bold; }
            .affiliations { list-style: none; padding: 0; }
            .notice { border: 1px solid #a33; padding: 0.3em 0.5em; font-weight: bold; }
            table { border-collapse: collapse; font-size: 0.85em; }
            th, td { border: 1px solid #999; padding: 0.15em 0.3em; vertical-align: top; }
            figure { margin: 1em 0; }
            img { max-width: 100%; height: auto; }
            figcaption, .table-foot { font-size: 0.85em; }
            .label { font-weight: bold; }
            .notes, .references { font-size: 0.9em; }
            .reference-list { list-style: none; padding-left: 0; }
            """;

    byte[] make(Article article, Document edition, List<EmbeddedImage> images, Instant modified, RenderDeadline deadline)
            throws IOException {
        Document doc = edition.clone();
        String lang = doc.selectFirst("html").attr("lang");
        forEpub(doc, lang);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            stored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            deflated(zip, "META-INF/container.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                      <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
                    </container>
                    """);
            boolean math = !doc.body().select("math").isEmpty();
            deflated(zip, "EPUB/package.opf", packageDocument(article, lang, modified, math, images));
            deflated(zip, "EPUB/nav.xhtml", navigation(doc, lang));
            deflated(zip, "EPUB/style.css", CSS);
            deadline.check();
            deflated(zip, "EPUB/article.xhtml", xhtml(doc));
            for (EmbeddedImage image : images) {
                // Already compressed: stored as they are.
                deadline.check();
                stored(zip, "EPUB/" + image.href(), image.bytes());
            }
        }
        return bytes.toByteArray();
    }

    /** Footnotes, note references, MathML's namespace and section ids for the navigation document. */
    private static void forEpub(Document doc, String lang) {
        doc.selectFirst("html").attr("xmlns", XHTML).attr("xmlns:epub", OPS).attr("xml:lang", lang);
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("type", "text/css").attr("href", "style.css");
        for (Element note : doc.body().select("ol.note-list > li")) {
            if (!note.id().isEmpty()) {
                for (Element ref : doc.body().select("a[href=#" + note.id() + "]")) {
                    ref.attr("epub:type", "noteref");
                }
            }
            note.tagName("aside").attr("epub:type", "footnote");
        }
        doc.body().select("ol.note-list").tagName("div");
        // MathML as it is, which EPUB 3 reading systems render, with its text for those that do not.
        for (Element math : doc.body().select("math")) {
            math.attr("xmlns", "http://www.w3.org/1998/Math/MathML").attr("alttext", FormulaText.of(math));
        }
        int n = 0;
        for (Element section : doc.body().select("body > section, .body-text > section")) {
            if (section.id().isEmpty()) {
                section.attr("id", "section-" + (++n));
            }
        }
    }

    private static String packageDocument(Article a, String lang, Instant modified, boolean math, List<EmbeddedImage> images) {
        StringBuilder m = new StringBuilder();
        m.append("<dc:identifier id=\"pub-id\">doi:").append(Html.escape(a.doi())).append("</dc:identifier>\n");
        m.append("<dc:title>").append(Html.escape(a.titleText())).append("</dc:title>\n");
        m.append("<dc:language>").append(Html.escape(lang)).append("</dc:language>\n");
        for (Contributor c : a.authors()) {
            m.append("<dc:creator>").append(Html.escape(c.displayName())).append("</dc:creator>\n");
        }
        if (a.journal().publisher() != null) {
            m.append("<dc:publisher>").append(Html.escape(a.journal().publisher())).append("</dc:publisher>\n");
        }
        PubDate date = a.publicationDate();
        if (date != null && date.year() != null) {
            m.append("<dc:date>").append(date.iso()).append("</dc:date>\n");
        }
        m.append("<dc:source>").append(Html.escape(PrintEdition.subject(a))).append("</dc:source>\n");
        if (a.permissions() != null && a.permissions().licenseUrl() != null) {
            m.append("<dc:rights>").append(Html.escape(a.permissions().licenseUrl())).append("</dc:rights>\n");
        }
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            items.append("<item id=\"image-").append(i + 1).append("\" href=\"").append(images.get(i).href())
                    .append("\" media-type=\"").append(images.get(i).mediaType()).append("\"/>\n");
        }
        m.append("<meta property=\"dcterms:modified\">").append(MODIFIED.format(modified.truncatedTo(ChronoUnit.SECONDS)))
                .append("</meta>\n");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="%s">
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                %s</metadata>
                <manifest>
                <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                <item id="article" href="article.xhtml" media-type="application/xhtml+xml"%s/>
                <item id="css" href="style.css" media-type="text/css"/>
                %s</manifest>
                <spine><itemref idref="article"/></spine>
                </package>
                """.formatted(Html.escape(lang), m, math ? " properties=\"mathml\"" : "", items);
    }

    private static String navigation(Document doc, String lang) {
        StringBuilder items = new StringBuilder();
        items.append("<li><a href=\"article.xhtml\">").append(Html.escape(doc.title())).append("</a></li>\n");
        for (Element section : doc.body().select("body > section[id], .body-text > section[id]")) {
            Element heading = section.selectFirst("h2, h3");
            if (heading != null && !heading.text().isBlank()) {
                items.append("<li><a href=\"article.xhtml#").append(section.id()).append("\">")
                        .append(Html.escape(heading.text())).append("</a></li>\n");
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%1$s" xml:lang="%1$s">
                <head><meta charset="utf-8"/><title>%2$s</title></head>
                <body><nav epub:type="toc" id="toc"><h1>Contents</h1><ol>
                %3$s</ol></nav></body>
                </html>
                """.formatted(Html.escape(lang), Html.escape(doc.title()), items);
    }

    private static String xhtml(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n" + doc.selectFirst("html").outerHtml();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
