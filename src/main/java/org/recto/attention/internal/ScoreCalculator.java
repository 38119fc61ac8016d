package org.recto.attention.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.recto.attention.AttentionScore;
import org.recto.attention.AttentionScore.SourceScore;
import org.recto.attention.Mention;

/**
 * The attention score, after Altmetric's published rules: each source type has a weight; within a source, one
 * mention per person or outlet counts (a blog writing about the article five times counts once, a policy source
 * once however many of its documents cite it); Wikipedia counts once per article; the sum is rounded up.
 */
final class ScoreCalculator {

    static final String WIKIPEDIA = "wikipedia";

    private ScoreCalculator() {
    }

    static AttentionScore score(String doi, List<Mention> mentions, Map<String, BigDecimal> weights) {
        Map<String, List<Mention>> bySource = new TreeMap<>();
        for (Mention m : mentions) {
            bySource.computeIfAbsent(m.source(), s -> new ArrayList<>()).add(m);
        }
        Map<String, SourceScore> sources = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var e : bySource.entrySet()) {
            int counted = counted(e.getKey(), e.getValue());
            BigDecimal weight = weights.getOrDefault(e.getKey(), BigDecimal.ZERO);
            BigDecimal contribution = weight.multiply(BigDecimal.valueOf(counted));
            total = total.add(contribution);
            sources.put(e.getKey(), new SourceScore(e.getValue().size(), counted, weight, contribution));
        }
        Map<String, SourceScore> ordered = new LinkedHashMap<>();
        sources.entrySet().stream()
                .sorted((a, b) -> b.getValue().contribution().compareTo(a.getValue().contribution()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new AttentionScore(doi, total.setScale(0, RoundingMode.CEILING).intValueExact(), ordered);
    }

    /** One per person or outlet (a mention without an author counts alone); Wikipedia once. */
    static int counted(String source, List<Mention> mentions) {
        if (WIKIPEDIA.equals(source)) {
            return mentions.isEmpty() ? 0 : 1;
        }
        Set<String> who = new HashSet<>();
        for (Mention m : mentions) {
            boolean anonymous = m.author() == null || m.author().isBlank();
            who.add(anonymous ? "\u0000" + m.id() : m.author().strip().toLowerCase(Locale.ROOT));
        }
        return who.size();
    }
}
