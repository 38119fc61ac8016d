package org.recto.attention.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.recto.attention.Mention;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads mentions from a JSON array or JSON lines, checking each: {@code doi}, {@code source} (one the score knows),
 * {@code id}, {@code author}, {@code url} (http or https) and {@code date} (ISO date or date-time). Every problem
 * is reported with where it is, and a batch with any problem stores nothing.
 */
public final class MentionReader {

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final int MAX_MENTIONS = 100_000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> sources;

    public MentionReader(Set<String> sources) {
        this.sources = Set.copyOf(sources);
    }

    /** The mentions, or the problems found, each naming its place ("line 3: …", "item 2: …"). */
    public record Read(List<Mention> mentions, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Read jsonArray(String text) {
        List<String> problems = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return new Read(List.of(), List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isArray()) {
            return new Read(List.of(), List.of("the body must be a JSON array of mentions (or JSON lines, sent as application/x-ndjson)"));
        }
        if (root.size() > MAX_MENTIONS) {
            return new Read(List.of(), List.of("at most " + MAX_MENTIONS + " mentions in one request"));
        }
        for (int i = 0; i < root.size(); i++) {
            mention(root.get(i), "item " + (i + 1), mentions, problems);
        }
        return new Read(mentions, problems);
    }

    public Read jsonLines(String text) {
        List<String> problems = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            try {
                mention(json.readTree(lines[i]), where, mentions, problems);
            } catch (JacksonException e) {
                problems.add(where + ": not JSON (" + e.getOriginalMessage() + ")");
            }
            if (mentions.size() > MAX_MENTIONS) {
                return new Read(List.of(), List.of("at most " + MAX_MENTIONS + " mentions at once"));
            }
        }
        return new Read(mentions, problems);
    }

    private void mention(JsonNode n, String where, List<Mention> mentions, List<String> problems) {
        if (n == null || !n.isObject()) {
            problems.add(where + ": a mention must be a JSON object");
            return;
        }
        int before = problems.size();
        String doi = text(n, "doi", 300, true, where, problems);
        String source = text(n, "source", 40, true, where, problems);
        String id = text(n, "id", 500, true, where, problems);
        String author = text(n, "author", 300, false, where, problems);
        String url = text(n, "url", 2000, false, where, problems);
        String date = text(n, "date", 40, false, where, problems);
        if (doi != null) {
            doi = doi.replaceFirst("^(?i)(doi:|https?://(dx\\.)?doi\\.org/)", "");
            if (!DOI.matcher(doi).matches()) {
                problems.add(where + ": \"doi\" is not a DOI (10.NNNN/suffix): " + doi);
            }
        }
        if (source != null) {
            source = source.toLowerCase(Locale.ROOT);
            if (!sources.contains(source)) {
                problems.add(where + ": unknown \"source\" " + source + "; known sources: " + String.join(", ",
                        new java.util.TreeSet<>(sources)));
            }
        }
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            problems.add(where + ": \"url\" must be an http or https address");
        }
        Instant at = date == null ? null : date(date, where, problems);
        if (problems.size() == before) {
            mentions.add(new Mention(doi, source, id, author, url, at));
        }
    }

    private static String text(JsonNode n, String field, int max, boolean required, String where, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isString() && v.asString().isBlank()) {
            if (required) {
                problems.add(where + ": \"" + field + "\" is missing");
            }
            return null;
        }
        if (!v.isString() && !v.isNumber()) {
            problems.add(where + ": \"" + field + "\" must be a string");
            return null;
        }
        String s = v.asString().strip();
        if (s.length() > max) {
            problems.add(where + ": \"" + field + "\" is longer than " + max + " characters");
            return null;
        }
        return s;
    }

    private static Instant date(String s, String where, List<String> problems) {
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(where + ": \"date\" is not an ISO date (2024-05-01) or date-time (2024-05-01T09:30:00Z): " + s);
            return null;
        }
    }
}
