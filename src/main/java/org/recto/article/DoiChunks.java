package org.recto.article;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * DOIs split into lists small enough for one event each. An event is kept in the event publication registry as
 * JSON in a {@code varchar(4000)} that is also indexed (a B-tree entry on PostgreSQL holds at most about 2,700
 * bytes), so an event naming a few hundred articles (a neighbour refresh, a mentions import, an article citing many
 * on the platform) could not be stored, and the work that announced it was rolled back.
 */
public final class DoiChunks {

    /** The DOIs' UTF-8 bytes one event carries at most, leaving room for the rest of its JSON and the listener's id. */
    public static final int MAX_BYTES = 1_500;

    private DoiChunks() {
    }

    /** The DOIs in order, in lists of at most {@link #MAX_BYTES}; one empty list when there are none. */
    public static List<List<String>> of(Collection<String> dois) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int bytes = 0;
        for (String doi : dois) {
            int size = doi.getBytes(StandardCharsets.UTF_8).length + 3; // quotes and a comma
            if (!chunk.isEmpty() && bytes + size > MAX_BYTES) {
                chunks.add(List.copyOf(chunk));
                chunk.clear();
                bytes = 0;
            }
            chunk.add(doi);
            bytes += size;
        }
        chunks.add(List.copyOf(chunk));
        return List.copyOf(chunks);
    }
}
