package org.recto.interop.crossref;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.recto.interop.internal.XmlOut;

/**
 * An abstract's safe HTML (the JATS reader's small vocabulary) as Crossref's {@code jats:abstract}:
 * paragraphs as {@code jats:p}, a structured abstract's sections as {@code jats:sec} with their
 * {@code jats:title}, and italic, bold, superscript and subscript kept; other markup gives its text.
 */
final class JatsAbstract {

    static final String JATS = "http://www.ncbi.nlm.nih.gov/JATS1";

    private JatsAbstract() {
    }

    static void write(XmlOut xml, String html) {
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        xml.start("jats:abstract");
        blocks(xml, body);
        xml.end();
    }

    private static void blocks(XmlOut xml, Element parent) {
        StringBuilder loose = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && (e.tagName().equals("section") || e.tagName().equals("div"))) {
                flush(xml, loose);
                xml.start("jats:sec");
                Element heading = e.selectFirst("> h2, > h3, > h4");
                if (heading != null) {
                    xml.start("jats:title");
                    inline(xml, heading);
                    xml.end();
                    heading.remove();
                }
                blocks(xml, e);
                xml.end();
            } else if (n instanceof Element e && e.tagName().equals("p")) {
                flush(xml, loose);
                xml.start("jats:p");
                inline(xml, e);
                xml.end();
            } else if (n instanceof Element e && e.tagName().matches("h[1-6]")) {
                flush(xml, loose);
                xml.start("jats:p").start("jats:bold").text(e.text()).end().end();
            } else {
                loose.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "");
            }
        }
        flush(xml, loose);
    }

    private static void flush(XmlOut xml, StringBuilder loose) {
        if (!loose.toString().isBlank()) {
            xml.start("jats:p").text(loose.toString().strip()).end();
        }
        loose.setLength(0);
    }

    private static void inline(XmlOut xml, Element parent) {
        for (Node n : parent.childNodes()) {
            if (n instanceof TextNode t) {
                xml.text(t.getWholeText());
            } else if (n instanceof Element e) {
                String tag = switch (e.tagName()) {
                    case "i", "em" -> "jats:italic";
                    case "b", "strong" -> "jats:bold";
                    case "sup" -> "jats:sup";
                    case "sub" -> "jats:sub";
                    default -> null;
                };
                if (tag != null) {
                    xml.start(tag);
                    inline(xml, e);
                    xml.end();
                } else {
                    inline(xml, e);
                }
            }
        }
    }
}
