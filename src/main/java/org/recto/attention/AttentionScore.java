package org.recto.attention;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An article's attention score and how it is made up.
 *
 * @param score   the sum of the sources' contributions, rounded up to a whole number
 * @param sources by source, in order of contribution (largest first)
 */
public record AttentionScore(String doi, int score, Map<String, SourceScore> sources) {

    public AttentionScore {
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }

    public boolean hasMentions() {
        return !sources.isEmpty();
    }

    /**
     * One source's part: how many mentions were received, how many counted (one per person or outlet; Wikipedia
     * once), the weight of one and what they contribute.
     */
    public record SourceScore(int mentions, int counted, BigDecimal weight, BigDecimal contribution) {
    }

    /** The mentions of one source, for the details page. */
    public record SourceMentions(String source, List<Mention> mentions) {
        public SourceMentions {
            mentions = List.copyOf(mentions);
        }
    }
}
