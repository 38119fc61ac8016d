package org.recto.formats.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.recto.article.Html;

/**
 * What both renderers need of the print edition before they see it: ids that are XML names and unique
 * (EPUB's XHTML and PDF link targets), internal links that lead somewhere (a link to a missing id is
 * unwrapped), and no image that would have to be fetched: a package image is drawn from the stored file (a
 * TIFF's web rendition), named {@code images/N.ext} for both renderers, with an alternative text (its alt-text,
 * else its figure's caption title or label); any other image is replaced by words saying it is not available.
 */
final class DocumentCleanup {

    private DocumentCleanup() {
    }

    static final String NOT_AVAILABLE = "The image of this figure is not available.";

    /** Cleans the document and returns the package images it now draws, in order, each once. */
    static List<EmbeddedImage> apply(Document doc, PackageImages images) {
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Element e : doc.body().select("[id]")) {
            String raw = e.id();
            if (ids.containsKey(raw)) {
                e.removeAttr("id");
                continue;
            }
            String safe = xmlName(raw);
            String unique = safe;
            for (int i = 2; !used.add(unique); i++) {
                unique = safe + "-" + i;
            }
            ids.put(raw, unique);
            e.attr("id", unique);
        }
        for (Element a : doc.body().select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("#")) {
                String target = ids.get(href.substring(1));
                if (target == null) {
                    a.unwrap();
                } else {
                    a.attr("href", "#" + target);
                }
            } else {
                a.attr("href", encodedUri(href));
            }
        }
        for (Element a : doc.body().select("a:not([href])")) {
            a.unwrap();
        }
        return placeImages(doc, images);
    }

    /**
     * An outside link as a valid URI: EPUBCheck (RSC-020) and PDF readers refuse characters RFC 3986 does not allow,
     * such as the brackets of {@code ?term=txid595528[Organism:noexp]}, spaces and raw non-ASCII text, which
     * articles' links carry as typed. Each such character becomes its UTF-8 percent-encoding, and a stray {@code %}
     * becomes {@code %25}; what is already valid is left as it is.
     */
    static String encodedUri(String href) {
        StringBuilder out = new StringBuilder(href.length() + 16);
        byte[] bytes = href.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && !(i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]));
            if (c < 0x80 && !escape && URI_CHARACTERS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static final String URI_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~:/?#@!$&'()*+,;=%";

    private static boolean hex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    /** Only images the application itself holds may be drawn; none is fetched from elsewhere. */
    private static List<EmbeddedImage> placeImages(Document doc, PackageImages images) {
        Map<String, EmbeddedImage> placed = new LinkedHashMap<>();
        for (Element img : doc.body().select("img")) {
            String name = img.attr("src").strip();
            EmbeddedImage image = placed.get(name);
            if (image == null && !name.isEmpty() && !name.contains(":") && !name.startsWith("/") && !name.contains("..")) {
                image = images.image(name).map(f -> new EmbeddedImage(
                        "images/" + (placed.size() + 1) + "." + EmbeddedImage.extension(f.mediaType()), f.mediaType(), f.bytes()))
                        .orElse(null);
                if (image != null) {
                    placed.put(name, image);
                }
            }
            if (image == null) {
                img.replaceWith(new Element("span").addClass("image-not-available").text(NOT_AVAILABLE));
                continue;
            }
            img.attr("src", image.href());
            if (img.attr("alt").isBlank()) {
                img.attr("alt", Html.figureCaption(img));
            }
        }
        return List.copyOf(placed.values());
    }


    /** An NCName: letters, digits, '-', '_', '.', starting with a letter or '_'. */
    static String xmlName(String raw) {
        StringBuilder s = new StringBuilder(raw.length() + 2);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            s.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? c : '_');
        }
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            s.insert(0, "id-");
        }
        return s.toString();
    }
}
