package org.recto.site.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * The last gate between article content and a page. The JATS reader already emits only a small safe
 * vocabulary; this cleans every fragment once more against an allow-list, so that no script, event
 * handler, style or javascript: URL from an article can reach a reader. Cleaned fragments are kept
 * in a small LRU cache, since the same article is served many times.
 */
@Component
public class SafeHtml {

    private static final String[] MATHML = {"math", "mi", "mn", "mo", "ms", "mtext", "mrow", "msub", "msup", "msubsup",
            "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mspace", "mstyle",
            "mpadded", "mphantom", "menclose", "mfenced", "semantics", "annotation"};

    private final Safelist safelist = Safelist.none()
            .addTags("p", "br", "i", "b", "em", "strong", "sup", "sub", "u", "code", "span", "a", "ul", "ol", "li",
                    "section", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "table", "caption", "thead", "tbody",
                    "tfoot", "tr", "th", "td", "col", "colgroup", "blockquote", "aside", "pre", "dl", "dt", "dd", "div",
                    "img", "hr", "small", "abbr", "cite", "q", "s", "del", "ins", "var", "kbd", "samp")
            .addTags(MATHML)
            .addAttributes(":all", "id", "class", "lang", "dir", "title")
            .addAttributes("a", "href", "rel")
            .addAttributes("td", "colspan", "rowspan", "align", "valign", "scope")
            .addAttributes("th", "colspan", "rowspan", "align", "valign", "scope")
            .addAttributes("ol", "type", "start")
            .addAttributes("img", "src", "alt", "width", "height", "loading", FigureImages.FILE)
            .addAttributes("math", "display", "xmlns")
            .addAttributes("mo", "stretchy", "fence", "separator")
            .addAttributes("mfenced", "open", "close", "separators")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .addProtocols("img", "src", "http", "https");

    private static final Pattern ABSOLUTE = Pattern.compile("\\s*([a-zA-Z][a-zA-Z0-9+.-]*:|[/\\\\]{2})");

    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    /** At most this many characters (keys and values) are cached, about 128 MB. */
    private static final long CACHE_CHARS = 64L * 1024 * 1024;
    private final Map<String, String> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedChars;

    private String clean(Document dirty) {
        // A relative src names a file of the article's package: the cleaner would drop it (it has no
        // protocol), so it travels as data-file, and FigureImages points it at the stored file or says it is missing.
        for (Element img : dirty.select("img")) {
            img.removeAttr(FigureImages.FILE);
            String src = img.attr("src");
            if (ABSOLUTE.matcher(src).lookingAt()) {
                // Before the cleaner, which would leave a protocol-relative //host image as a bare <img>.
                img.replaceWith(notShown());
            } else if (!src.isBlank() && !src.startsWith("/") && !src.contains("..")) {
                img.attr(FigureImages.FILE, src.strip()).removeAttr("src");
            }
        }
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings(output);
        // An image from another site (a tracking pixel, or one that tells that site who reads what) is not
        // loaded: the reader sees that an image was left out, and nothing leaves the page.
        for (Element img : clean.select("img[src]:not([" + FigureImages.FILE + "])")) {
            if (ABSOLUTE.matcher(img.attr("src")).lookingAt()) {
                img.replaceWith(notShown());
            }
        }
        // A wide table scrolls sideways inside a region that keyboard users can focus and scroll.
        for (Element table : clean.select("table")) {
            Element figure = table.closest("figure");
            String label = figure == null ? "" : figure.select("figcaption").text();
            label = label.isEmpty() ? "Table" : label.length() > 80 ? label.substring(0, 80) + "…" : label;
            table.wrap("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\"></div>");
            table.parent().attr("aria-label", label);
        }
        return clean.body().html();
    }

    private static Element notShown() {
        return new Element("span").addClass("image-not-shown").text("An image from another site is not shown.");
    }

    /** The fragment with everything outside the allow-list removed; "" for null. */
    public String clean(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.length() < 64 && html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.indexOf('>') < 0 ? html : Jsoup.clean(html, "", safelist, output);
        }
        synchronized (cache) {
            String cleaned = cache.get(html);
            if (cleaned != null) {
                return cleaned;
            }
        }
        String cleaned = clean(Jsoup.parseBodyFragment(html));
        synchronized (cache) {
            if (cache.put(html, cleaned) == null) {
                cachedChars += html.length() + cleaned.length();
            }
            var eldest = cache.entrySet().iterator();
            while (cachedChars > CACHE_CHARS && eldest.hasNext()) {
                var entry = eldest.next();
                cachedChars -= entry.getKey().length() + entry.getValue().length();
                eldest.remove();
            }
        }
        return cleaned;
    }
}
