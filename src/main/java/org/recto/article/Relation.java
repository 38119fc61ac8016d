package org.recto.article;

/**
 * A link from one article on the platform to another, by DOI: {@code type} is the JATS
 * related-article-type on the source (corrected-article, retracted-article, commentary-article, …).
 */
public record Relation(String sourceDoi, String type, String targetDoi) {
}
