package org.recto.attention.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recto.attention.AttentionScore;
import org.springframework.web.util.UriUtils;

/** What the attention templates show: each source's name and colour, and the badge's ring segments. */
public final class AttentionView {

    /** The ring's radius in the badge's 100 × 100 view box. */
    public static final double RADIUS = 40;
    private static final double CIRCUMFERENCE = 2 * Math.PI * RADIUS;

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("news", "News"), Map.entry("blog", "Blogs"),
            Map.entry("policy", "Policy documents"), Map.entry("patent", "Patents"), Map.entry("wikipedia", "Wikipedia"),
            Map.entry("peer-review", "Peer review"), Map.entry("f1000", "F1000"), Map.entry("syllabus", "Syllabi"),
            Map.entry("weibo", "Weibo"), Map.entry("linkedin", "LinkedIn"), Map.entry("twitter", "X (Twitter)"),
            Map.entry("bluesky", "Bluesky"), Map.entry("facebook", "Facebook"), Map.entry("reddit", "Reddit"),
            Map.entry("pinterest", "Pinterest"), Map.entry("qna", "Q&A sites"), Map.entry("video", "Video"));
    /** Source colours in the manner of Altmetric's donut; the badge's legend names every source, so colour is never alone. */
    private static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("news", "#b60000"),
            Map.entry("blog", "#e89500"), Map.entry("policy", "#2f4858"), Map.entry("patent", "#6b3fa0"),
            Map.entry("wikipedia", "#5a5a5a"), Map.entry("peer-review", "#3c6e00"), Map.entry("f1000", "#a50e2d"),
            Map.entry("syllabus", "#7a5c00"), Map.entry("weibo", "#8b1a1a"), Map.entry("linkedin", "#0a66c2"),
            Map.entry("twitter", "#1d8ed8"), Map.entry("bluesky", "#0560d6"), Map.entry("facebook", "#2c4a8c"),
            Map.entry("reddit", "#c43c00"), Map.entry("pinterest", "#a8001c"), Map.entry("qna", "#9c5200"),
            Map.entry("video", "#c20000"));

    private AttentionView() {
    }

    public static String name(String source) {
        return NAMES.getOrDefault(source, source);
    }

    public static String colour(String source) {
        return COLOURS.getOrDefault(source, "#4a5260");
    }

    public static String weight(BigDecimal w) {
        return w.stripTrailingZeros().toPlainString();
    }

    public static String details(String doi) {
        return "/doi/" + UriUtils.encodePath(doi, java.nio.charset.StandardCharsets.UTF_8) + "/attention";
    }

    /** One arc of the ring: its colour, and the dash pattern and offset that draw it on a circle. */
    public record Segment(String source, String colour, String dashArray, String dashOffset) {
    }

    /** The ring in proportion to each source's contribution (all sources alike when none is weighted). */
    public static List<Segment> segments(AttentionScore score) {
        BigDecimal total = score.sources().values().stream().map(AttentionScore.SourceScore::contribution)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Segment> segments = new ArrayList<>();
        double start = 0;
        for (var e : score.sources().entrySet()) {
            double share = total.signum() == 0 ? 1.0 / score.sources().size()
                    : e.getValue().contribution().divide(total, 6, RoundingMode.HALF_UP).doubleValue();
            if (share <= 0) {
                continue;
            }
            double length = share * CIRCUMFERENCE;
            segments.add(new Segment(e.getKey(), colour(e.getKey()),
                    String.format(Locale.ROOT, "%.2f %.2f", length, CIRCUMFERENCE - length),
                    String.format(Locale.ROOT, "%.2f", -start)));
            start += length;
        }
        return segments;
    }

    /** "12 news stories, 3 blog posts, …" for the badge's text alternative. */
    public static String summary(AttentionScore score) {
        List<String> parts = new ArrayList<>();
        score.sources().forEach((source, s) -> parts.add(s.mentions() + " " + name(source)));
        return "Attention score " + score.score() + ": " + String.join(", ", parts);
    }
}
