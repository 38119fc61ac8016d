/**
 * Discovery: the full-text search index (Lucene, one per node, under the data directory, kept current from
 * {@link org.recto.article.ArticlePublished} and from the store), search with facets and highlighted snippets,
 * and the related content of each article (its concepts and the most similar articles), computed when a version
 * is published and kept in the database ({@link org.recto.discovery.RelatedContent}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discovery (search, concepts, related content)")
package org.recto.discovery;
