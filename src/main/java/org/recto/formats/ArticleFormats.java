package org.recto.formats;

import java.util.List;

/** What the landing page shows of the formats: which files there are for a version, and their sizes. */
public interface ArticleFormats {

    /** The PDF and the EPUB of this version, each with its size once it is made. */
    List<AvailableFormat> available(String doi, int version, boolean latest);
}
