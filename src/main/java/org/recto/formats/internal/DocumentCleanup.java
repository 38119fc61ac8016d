package org.recto.formats.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What both renderers need of the print edition before they see it: ids that are XML names and unique
 * (EPUB's XHTML and PDF link targets), internal links that lead somewhere (a link to a missing id is
 * unwrapped), and no image that would have to be fetched: an image the store cannot give is left out,
 * its figure keeping its label and caption.
 */
final class DocumentCleanup {

    private DocumentCleanup() {
    }

    static void apply(Document doc) {
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
            }
        }
        for (Element a : doc.body().select("a:not([href])")) {
            a.unwrap();
        }
        // Only images the application itself holds may be drawn; none is fetched from elsewhere.
        for (Element img : doc.body().select("img")) {
            if (!img.attr("src").startsWith("data:image/")) {
                img.remove();
            }
        }
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
