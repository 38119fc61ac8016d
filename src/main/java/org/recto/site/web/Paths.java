package org.recto.site.web;

import org.recto.web.DoiRoute.Scope;
import org.recto.web.PathEncoding;

/** The site's URLs, in one place. A DOI keeps its slashes in a path: /doi/10.1017/S0260210517000407. */
public final class Paths {

    /** Stands for an empty volume or issue in an issue's URL. */
    static final String NONE = "-";

    private Paths() {
    }

    public static String article(String doi) {
        return Scope.PAGE.link(doi, "");
    }

    public static String fullText(String doi) {
        return article(doi) + "/full";
    }

    public static String jats(String doi) {
        return article(doi) + "/jats";
    }

    public static String journal(String key) {
        return "/journals/" + PathEncoding.segment(key);
    }

    public static String issue(String journalKey, String volume, String issue) {
        return journal(journalKey) + "/issues/" + segment(volume) + "/" + segment(issue);
    }

    /** A DOI's resolver link, encoded as the DOI Handbook asks ({@code #}, {@code ?}, {@code %}, {@code <} …). */
    public static String doiOrg(String doi) {
        return "https://doi.org/" + PathEncoding.doi(doi);
    }

    private static String segment(String s) {
        return s == null || s.isBlank() ? NONE : PathEncoding.segment(s.strip());
    }
}
