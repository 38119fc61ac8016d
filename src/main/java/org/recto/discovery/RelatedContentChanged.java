package org.recto.discovery;

import java.util.List;

/** The concepts or similar articles of these articles changed, so pages that show them are stale. */
public record RelatedContentChanged(List<String> dois) {

    public RelatedContentChanged {
        dois = List.copyOf(dois);
    }
}
