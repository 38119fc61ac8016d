/**
 * Import of JATS: from the command line ({@code recto.jar import PATH...}: files, folders, zip
 * archives) and over HTTP ({@code POST /api/v1/articles}). One article is one transaction; each
 * stored article is announced with an {@link org.recto.article.ArticlePublished} event, which the store publishes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import")
package org.recto.ingest;
