package org.recto.article;

/** One file of a JATS package (a graphic or supplementary file), as the XML names it. */
public record ArticleFile(String name, String mediaType, byte[] bytes) {
}
