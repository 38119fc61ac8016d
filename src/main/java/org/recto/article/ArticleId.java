package org.recto.article;

/** An identifier of the article other than its DOI or beside it ({@code pub-id-type}: doi, pmid, pmcid, publisher-id, …). */
public record ArticleId(String type, String value) {
}
