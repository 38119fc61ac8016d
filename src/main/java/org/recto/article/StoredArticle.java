package org.recto.article;

import java.time.Instant;

/** An article version as the store holds it: the model, which version it is, and when it came in. */
public record StoredArticle(Article article, int version, int latestVersion, Instant importedAt) {

    public boolean isLatest() {
        return version == latestVersion;
    }
}
