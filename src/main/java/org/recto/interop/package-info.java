/**
 * The machine interfaces that librarians, indexers and DOI registration use: OAI-PMH 2.0 at {@code /oai}
 * ({@code oai_dc} and JATS), Crossref deposit XML with Crossmark ({@code /doi/{doi}/crossref.xml},
 * {@code recto.jar crossref-deposit}), sitemaps with {@code robots.txt}, and Atom feeds. Its API is
 * {@link org.recto.interop.PublicLinks}, which the site implements so that every URL these documents
 * carry is built by the site's own path helpers, and {@link org.recto.interop.InteropProperties}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Machine interfaces (OAI-PMH, Crossref, sitemaps, feeds)")
package org.recto.interop;
