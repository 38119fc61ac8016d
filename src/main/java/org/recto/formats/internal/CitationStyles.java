package org.recto.formats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLItemData;

/**
 * Formatted references in any style of the CSL project's repository ({@code org.citationstyles:styles},
 * dependent styles included, with the {@code locales}), through citeproc-java. A style is named by its id,
 * the file name without ".csl" ({@code apa}, {@code chicago-author-date}, {@code nature}). A formatted
 * reference is kept once made: the same article is cited in the same style many times.
 */
public final class CitationStyles {

    /** A style as the picker offers it. */
    public record Style(String id, String label) {
    }

    /** The styles the landing page shows, as readers of the target page expect them. */
    public static final List<Style> COMMON = List.of(
            new Style("apa", "APA"),
            new Style("chicago-author-date", "Chicago"),
            new Style("harvard-cite-them-right", "Harvard"),
            new Style("modern-language-association", "MLA"),
            new Style("vancouver", "Vancouver"),
            new Style("ieee", "IEEE"));

    private static final Pattern STYLE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,150}");
    private static final Safelist ENTRY = Safelist.none().addTags("i", "b", "span", "sup", "sub", "a")
            .addAttributes("span", "class").addAttributes("a", "href").addProtocols("a", "href", "https", "http");

    private final Cache<String, String> formatted = Caffeine.newBuilder().maximumSize(20_000).build();
    private volatile Set<String> all;

    /** Whether the style exists; a malformed id (a path, a URL) never reaches the loader. */
    public boolean exists(String id) {
        return resource(id) != null;
    }

    /** The name citeproc-java loads a style by: its id, or "dependent/" and its id for a dependent style. */
    private String resource(String id) {
        if (id == null || !STYLE_ID.matcher(id).matches()) {
            return null;
        }
        Set<String> styles = allStyles();
        return styles.contains(id) ? id : styles.contains("dependent/" + id) ? "dependent/" + id : null;
    }

    /** A few valid ids for an error message: those that contain what was asked for, else the common ones. */
    public List<String> suggestions(String asked) {
        List<String> close = new ArrayList<>();
        String needle = asked == null ? "" : asked.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        if (needle.length() >= 3) {
            for (String name : allStyles()) {
                String id = name.startsWith("dependent/") ? name.substring("dependent/".length()) : name;
                if (id.contains(needle) && close.size() < 8) {
                    close.add(id);
                }
            }
        }
        if (close.isEmpty()) {
            COMMON.forEach(s -> close.add(s.id()));
        }
        return close;
    }

    public int count() {
        return allStyles().size();
    }

    /** The reference as safe HTML (italics as {@code <i>}, no style attributes: the CSP allows none). */
    public String html(String key, CSLItemData item, String style) {
        return formatted.get(key + "#" + style + "#html", k -> cleanHtml(render(item, resource(style), "html")));
    }

    public String text(String key, CSLItemData item, String style) {
        return formatted.get(key + "#" + style + "#text", k -> render(item, resource(style), "text").strip());
    }

    private static String render(CSLItemData item, String style, String format) {
        if (style == null) {
            throw new IllegalArgumentException("unknown style");
        }
        try {
            String[] entries = CSL.makeAdhocBibliography(style, format, item).getEntries();
            return entries.length == 0 ? "" : entries[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cleanHtml(String entry) {
        Document doc = Jsoup.parseBodyFragment(entry);
        for (Element span : doc.body().select("span[style]")) {
            String style = span.attr("style").replace(" ", "");
            span.removeAttr("style");
            if (style.contains("font-style:italic")) {
                span.tagName("i");
            } else if (style.contains("font-weight:bold")) {
                span.tagName("b");
            } else if (style.contains("font-variant:small-caps")) {
                span.addClass("small-caps");
            } else if (style.contains("vertical-align:sup")) {
                span.tagName("sup");
            } else if (style.contains("vertical-align:sub")) {
                span.tagName("sub");
            }
        }
        Element entryDiv = doc.body().selectFirst("div.csl-entry");
        String inner = entryDiv == null ? doc.body().html() : entryDiv.html();
        return Jsoup.clean(inner, ENTRY).strip();
    }

    private Set<String> allStyles() {
        Set<String> styles = all;
        if (styles == null) {
            try {
                styles = new TreeSet<>(CSL.getSupportedStyles());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all = styles;
        }
        return styles;
    }
}
