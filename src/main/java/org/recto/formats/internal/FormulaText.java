package org.recto.formats.internal;

import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A MathML formula as one line of text, for its alternative text in the PDF and the EPUB ({@code Alt},
 * {@code alttext}): scripts, fractions and roots keep their structure ({@code R_0}, {@code x^(n+1)},
 * {@code (a)/(b)}, {@code √(x)}), where the bare text content would run them together ("R0", "xn+1").
 */
final class FormulaText {

    private FormulaText() {
    }

    static String of(Element math) {
        return text(math).replaceAll("\\s+", " ").strip();
    }

    private static String text(Node node) {
        if (node instanceof TextNode t) {
            return t.text().strip();
        }
        if (!(node instanceof Element e)) {
            return "";
        }
        List<Element> k = e.children();
        return switch (e.tagName()) {
            case "msub" -> k.size() == 2 ? base(k.get(0)) + "_" + group(k.get(1)) : inline(e);
            case "msup" -> k.size() == 2 ? base(k.get(0)) + "^" + group(k.get(1)) : inline(e);
            case "msubsup" -> k.size() == 3 ? base(k.get(0)) + "_" + group(k.get(1)) + "^" + group(k.get(2)) : inline(e);
            // Under and over scripts are mostly a sum's or a product's bounds: a space parts them from what follows.
            case "munder" -> k.size() == 2 ? base(k.get(0)) + "_" + group(k.get(1)) + " " : inline(e);
            case "mover" -> k.size() == 2 ? base(k.get(0)) + "^" + group(k.get(1)) + " " : inline(e);
            case "munderover" -> k.size() == 3 ? base(k.get(0)) + "_" + group(k.get(1)) + "^" + group(k.get(2)) + " " : inline(e);
            case "mfrac" -> k.size() == 2 ? "(" + text(k.get(0)) + ")/(" + text(k.get(1)) + ")" : inline(e);
            case "msqrt" -> "√(" + inline(e) + ")";
            case "mroot" -> k.size() == 2 ? "root " + group(k.get(1)) + " of (" + text(k.get(0)) + ")" : inline(e);
            case "mfenced" -> (e.hasAttr("open") ? e.attr("open") : "(")
                    + String.join(", ", k.stream().map(FormulaText::text).map(String::strip).toList())
                    + (e.hasAttr("close") ? e.attr("close") : ")");
            case "mo" -> " " + inline(e) + " ";
            case "mtr" -> inline(e) + "; ";
            case "mtd" -> inline(e) + " ";
            default -> inline(e);
        };
    }

    private static String inline(Element e) {
        StringBuilder s = new StringBuilder();
        for (Node child : e.childNodes()) {
            s.append(text(child));
        }
        return s.toString();
    }

    private static String base(Element e) {
        return text(e).strip();
    }

    /** A script of more than one character in brackets, so that {@code x^(n+1)} is not read as {@code x^n + 1}. */
    private static String group(Element e) {
        String t = text(e).strip();
        return t.codePointCount(0, t.length()) <= 1 ? t : "(" + t + ")";
    }
}
