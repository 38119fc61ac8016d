package org.recto.article;

import java.util.List;

/**
 * One {@code ref} of the reference list. {@code rawText} is the citation's text as a reader sees
 * it; {@code citationKind} says which element carried it (element-citation, mixed-citation,
 * nlm-citation, citation); the other fields are whatever structure the XML tagged (null where it
 * tagged none).
 */
public record Reference(
        String id,
        String label,
        String citationKind,
        String publicationType,
        String rawText,
        List<String> authors,
        String articleTitle,
        String source,
        String year,
        String volume,
        String issue,
        String firstPage,
        String lastPage,
        String doi,
        String pmid,
        String url,
        String publisher,
        String publisherLocation) {

    public Reference {
        authors = List.copyOf(authors);
    }
}
