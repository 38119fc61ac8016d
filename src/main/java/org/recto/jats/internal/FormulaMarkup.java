package org.recto.jats.internal;

import java.util.Set;

import org.recto.article.Html;

/** Display formulas, TeX, MathML and the choice among alternatives. */
final class FormulaMarkup {

    private static final Set<String> MATHML_ELEMENTS = Set.of(
            "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "mstyle",
            "merror", "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover",
            "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
            "semantics", "maligngroup", "malignmark", "mstack", "msrow", "msline", "mscarries", "mscarry", "mlongdiv");

    private static final Set<String> MATHML_ATTRIBUTES = Set.of(
            "mathvariant", "mathsize", "display", "displaystyle", "scriptlevel", "stretchy", "symmetric", "fence",
            "separator", "largeop", "movablelimits", "accent", "accentunder", "lspace", "rspace", "minsize",
            "maxsize", "linethickness", "open", "close", "separators", "notation", "columnalign", "rowalign",
            "columnspan", "rowspan", "columnlines", "rowlines", "frame", "width", "height", "depth", "form",
            "align", "bevelled", "numalign", "denomalign", "columnspacing", "rowspacing", "equalrows",
            "equalcolumns", "voffset", "dir");

    private FormulaMarkup() {
    }

    static void displayFormula(Rendering r, Out out) {
        XmlCursor x = r.x;
        out.append("<div class=\"disp-formula\"");
        Markup.id(out, x.attr("id"));
        out.append('>');
        String[] label = {null};
        x.forEachChild(() -> r.text(out), name -> {
            if (name.equals("label")) {
                label[0] = r.inline();
            } else {
                r.element(out, name);
            }
        });
        Markup.trimEnd(out);
        if (label[0] != null && !label[0].isEmpty()) {
            out.append(' ');
            Markup.label(out, label[0]);
        }
        out.append("</div>");
    }

    static void tex(Rendering r, Out out) {
        XmlCursor x = r.x;
        out.append("<span class=\"tex\">");
        x.forEachChild(() -> x.appendEscaped(out, true), name -> {
            StringBuilder sb = new StringBuilder();
            x.appendTextContent(sb);
            out.append(Html.escapeText(sb.toString()));
        });
        out.append("</span>");
    }

    /** MathML: known element names and a few presentational attributes survive; annotations are dropped. */
    static void mathml(Rendering r, Out out, String n) {
        XmlCursor x = r.x;
        if (n.equals("annotation") || n.equals("annotation-xml")) {
            x.skip();
            return;
        }
        boolean keep = MATHML_ELEMENTS.contains(n);
        if (keep) {
            out.append('<').append(n);
            int count = x.attrCount();
            for (int i = 0; i < count; i++) {
                String a = x.attrName(i);
                if (MATHML_ATTRIBUTES.contains(a)) {
                    out.append(' ').append(a).append("=\"");
                    out.append(Html.escapeAttribute(x.attrValue(i)));
                    out.append('"');
                }
            }
            out.append('>');
        }
        x.forEachChild(() -> x.appendEscaped(out, true), child -> mathml(r, out, child));
        if (keep) {
            out.append("</").append(n).append('>');
        }
    }

    /** Of the alternatives (MathML and TeX, a table and its image), keeps the one that renders best. */
    static void alternatives(Rendering r, Out out) {
        Scratch scratch = r.scratch();
        Choice choice = new Choice(scratch.borrowOut(), scratch.borrowOut());
        try {
            r.x.forEachElement(name -> {
                int rank = switch (name) {
                    case "math", "table" -> 4;
                    case "tex-math" -> 3;
                    case "graphic", "inline-graphic", "media" -> 1;
                    default -> 2;
                };
                choice.candidate.setLength(0);
                r.element(choice.candidate, name);
                if (rank > choice.bestRank && !choice.candidate.isEmpty()) {
                    Out swap = choice.best;
                    choice.best = choice.candidate;
                    choice.candidate = swap;
                    choice.bestRank = rank;
                }
            });
            out.append(choice.best);
        } finally {
            scratch.releaseOut();
            scratch.releaseOut();
        }
    }

    /** The best alternative so far and the buffer the next one is rendered into. */
    private static final class Choice {
        Out best;
        Out candidate;
        int bestRank = -1;

        Choice(Out best, Out candidate) {
            this.best = best;
            this.candidate = candidate;
        }
    }
}
