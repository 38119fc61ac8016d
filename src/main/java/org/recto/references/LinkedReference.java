package org.recto.references;

/**
 * One entry of an article's reference list, parsed into fields and linked: its DOI, URL and ISBN
 * where it has them, and the DOI of the article it cites when that article is on this platform.
 * {@code parsed} always spans {@code rawText}, whether the fields came from the JATS tagging or from
 * the reference parser.
 */
public record LinkedReference(String id, String label, String rawText, ParsedReference parsed, String doi, String url,
                              String isbn, String platformDoi) {
}
