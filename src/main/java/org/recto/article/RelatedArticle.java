package org.recto.article;

/**
 * A {@code related-article} link: {@code type} is its {@code related-article-type}
 * (corrected-article, correction-forward, retracted-article, commentary, …); {@code doi} is the
 * target's DOI when the link gives one (normalised, without a resolver prefix), {@code href} the raw
 * target otherwise.
 */
public record RelatedArticle(String type, String doi, String href, String extLinkType) {
}
