/**
 * The article model (records), journals, issues, versions and relations between articles, and the
 * catalog that the other modules read them through. The store itself lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Article catalog")
package org.recto.article;
