package org.recto.jats.internal;

import org.recto.article.Html;

/** Links (cross-references, external links, URIs, emails) and images, never a link inside a link. */
final class InlineMarkup {

    private InlineMarkup() {
    }

    static void xref(Rendering r, Out out) {
        String rid = Markup.firstToken(r.x.attr("rid"));
        if (rid == null || r.inLink > 0) {
            r.flow(out);
            return;
        }
        out.append("<a href=\"#");
        out.append(Html.escapeAttribute(rid));
        out.append("\">");
        r.inLink++;
        try {
            r.flow(out);
        } finally {
            r.inLink--;
        }
        out.append("</a>");
    }

    static void extLink(Rendering r, Out out) {
        String href = r.x.attr("href");
        String safe = r.inLink > 0 ? null : Text.safeHref(href, r.x.attr("ext-link-type"));
        if (safe == null) {
            r.flow(out);
            return;
        }
        link(r, out, safe, href);
    }

    private static void link(Rendering r, Out out, String safe, String shownIfEmpty) {
        out.append("<a href=\"");
        out.append(Html.escapeAttribute(safe));
        out.append("\">");
        int contentStart = out.length();
        r.inLink++;
        try {
            r.flow(out);
        } finally {
            r.inLink--;
        }
        if (out.length() == contentStart && shownIfEmpty != null) {
            out.append(Html.escapeText(shownIfEmpty.strip()));
        }
        out.append("</a>");
    }

    static void uri(Rendering r, Out out) {
        String href = r.x.attr("href");
        if (href != null) {
            String safe = r.inLink > 0 ? null : Text.safeHref(href, null);
            if (safe == null) {
                r.flow(out);
            } else {
                link(r, out, safe, href);
            }
            return;
        }
        String text = r.x.text();
        String safe = r.inLink > 0 ? null : Text.safeHref(text, null);
        Markup.linkOrText(out, safe, text);
    }

    static void email(Rendering r, Out out) {
        String text = r.x.text();
        Markup.linkOrText(out, r.inLink == 0 && Markup.isEmail(text) ? "mailto:" + text : null, text);
    }

    static void graphic(Rendering r, Out out) {
        XmlCursor x = r.x;
        String src = Text.safeImageSrc(x.attr("href"));
        String[] alt = {null};
        x.forEachElement(name -> {
            if (name.equals("alt-text")) {
                alt[0] = x.text();
            } else {
                x.skip();
            }
        });
        if (src != null) {
            out.append("<img src=\"");
            out.append(Html.escapeAttribute(src));
            out.append("\" alt=\"");
            out.append(Html.escapeAttribute(alt[0] == null ? "" : alt[0]));
            out.append("\">");
        }
    }
}
