package org.recto.formats;

import org.recto.article.StoredArticle;

/** What the landing page's "Cite this article" panel shows. */
public interface CitationFormats {

    CitePanel citePanel(StoredArticle stored);
}
