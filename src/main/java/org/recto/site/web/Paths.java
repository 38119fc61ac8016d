package org.recto.site.web;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/** The site's URLs, in one place. A DOI keeps its slashes in a path: /doi/10.1017/S0260210517000407. */
public final class Paths {

    /** Stands for an empty volume or issue in an issue's URL. */
    static final String NONE = "-";

    private Paths() {
    }

    public static String article(String doi) {
        return "/doi/" + UriUtils.encodePath(doi, StandardCharsets.UTF_8);
    }

    public static String fullText(String doi) {
        return article(doi) + "/full";
    }

    public static String jats(String doi) {
        return article(doi) + "/jats";
    }

    public static String journal(String key) {
        return "/journals/" + UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
    }

    public static String issue(String journalKey, String volume, String issue) {
        return journal(journalKey) + "/issues/" + segment(volume) + "/" + segment(issue);
    }

    private static String segment(String s) {
        return s == null || s.isBlank() ? NONE : UriUtils.encodePathSegment(s.strip(), StandardCharsets.UTF_8);
    }
}
