package org.recto.site.web;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.recto.article.ArticleFiles;
import org.recto.article.Html;
import org.recto.web.DoiRoute.Scope;
import org.recto.web.PathEncoding;
import org.springframework.stereotype.Component;

/**
 * Points a version's figures at the files of its package ({@code /doi/{doi}/files/{name}}): a TIFF shows as its
 * web-sized PNG with a link to the original, a file the package lacked says so in words (no broken image), and an
 * image without alt text takes its figure's caption title.
 */
@Component
class FigureImages {

    /** The attribute {@link SafeHtml} moves a relative {@code src} to. */
    static final String FILE = "data-file";

    static final String NOT_AVAILABLE = "The image of this figure is not available.";

    private static final Set<String> BROWSER_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final ArticleFiles files;

    FigureImages(ArticleFiles files) {
        this.files = files;
    }

    /** The cleaned fragment with its package images placed; unchanged when it has none. */
    String place(String cleanHtml, String doi, int version, boolean latest) {
        if (cleanHtml == null || !cleanHtml.contains(FILE + "=")) {
            return cleanHtml;
        }
        Set<String> stored = Set.copyOf(files.names(doi, version));
        Document html = Jsoup.parseBodyFragment(cleanHtml);
        html.outputSettings().prettyPrint(false);
        for (Element img : html.select("img[" + FILE + "]")) {
            String name = img.attr(FILE);
            img.removeAttr(FILE);
            String type = stored.contains(name) ? files.find(doi, version, name).map(f -> f.mediaType()).orElse("") : "";
            String original = url(doi, name, latest ? "" : "?version=" + version);
            String shown = files.hasWebRendition(doi, version, name)
                    ? url(doi, name, "?rendition=web" + (latest ? "" : "&version=" + version))
                    : BROWSER_IMAGES.contains(type) ? original : null;
            if (shown == null) {
                img.replaceWith(new Element("span").addClass("image-not-available").text(NOT_AVAILABLE));
                continue;
            }
            img.attr("src", shown).attr("loading", "lazy");
            if (img.attr("alt").isBlank()) {
                img.attr("alt", Html.figureCaption(img));
            }
            if (!shown.equals(original)) {
                Element link = new Element("a").attr("href", original).addClass("original-image")
                        .text("Original image (" + type.substring(type.indexOf('/') + 1).toUpperCase() + ")");
                img.after(new Element("span").addClass("original-image-link").appendChild(link));
            }
        }
        return html.body().html();
    }

    private static String url(String doi, String name, String query) {
        return Scope.PAGE.link(doi, "files") + "/" + PathEncoding.segment(name) + query;
    }
}
