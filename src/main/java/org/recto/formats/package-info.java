/**
 * The article in other formats, all made from the one JATS source: a tagged PDF (PDF/UA-1) and an
 * EPUB 3 per version, generated in the background after publishing (or on the first request) and kept
 * under the data directory; and "Cite this article": RIS, BibTeX, EndNote, CSL-JSON and a formatted
 * reference in any CSL style. The site reads {@link org.recto.formats.ArticleFormats} and
 * {@link org.recto.formats.CitationFormats}; {@link org.recto.formats.FormatsPrepared} says a file is ready.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Formats (PDF, EPUB, citation export)")
package org.recto.formats;
