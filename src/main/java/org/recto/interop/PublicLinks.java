package org.recto.interop;

/**
 * The public URLs of the site's pages, as the site builds them (the site implements this, so a change
 * to how it encodes a DOI or an issue in a path reaches every feed, sitemap and deposit too).
 */
public interface PublicLinks {

    /** The site's name. */
    String siteName();

    /** An absolute URL for a path of this site. */
    String absolute(String path);

    /** The path of an article's landing page. */
    String article(String doi);

    /** The path of a journal's page. */
    String journal(String key);

    /** The path of an issue's table of contents. */
    String issue(String journalKey, String volume, String issue);
}
