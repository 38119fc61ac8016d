package org.recto.usage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classes a User-Agent as robot or user by the COUNTER robots list (CoP 7.8, Appendix H): each pattern is a
 * regular expression searched for case-insensitively anywhere in the User-Agent, as the list's maintainers advise.
 */
public final class RobotFilter {

    /** Used only when no list is configured, so that the worst crawlers never count; not COUNTER-complete. */
    static final List<String> FALLBACK = List.of("bot", "crawl", "spider", "^.?$", "python", "curl\\/", "wget",
            "headlesschrome", "java\\/", "libwww", "httpclient", "scrapy", "slurp");

    private static final int CACHE_LIMIT = 10_000;

    private final List<Pattern> patterns;
    private final String source;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    private RobotFilter(List<Pattern> patterns, String source) {
        this.patterns = List.copyOf(patterns);
        this.source = source;
    }

    /** Reads the list: a JSON array of {@code {"pattern": ...}} objects, or a text file with one pattern a line. */
    public static RobotFilter load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the COUNTER robots list " + file + ": " + e.getMessage(), e);
        }
        List<String> raw = new ArrayList<>();
        if (text.stripLeading().startsWith("[")) {
            JsonNode array = JsonMapper.builder().build().readTree(text);
            for (JsonNode entry : array) {
                JsonNode p = entry.isObject() ? entry.get("pattern") : entry;
                if (p == null || !p.isString()) {
                    throw new IllegalArgumentException("COUNTER robots list " + file + ": entry without a \"pattern\": " + entry);
                }
                raw.add(p.asString());
            }
        } else {
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(raw::add);
        }
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("COUNTER robots list " + file + " holds no pattern");
        }
        return new RobotFilter(compile(raw, file.toString()), file.toString());
    }

    public static RobotFilter fallback() {
        return new RobotFilter(compile(FALLBACK, "built-in"), "built-in fallback (not the COUNTER list)");
    }

    private static List<Pattern> compile(List<String> raw, String where) {
        List<Pattern> out = new ArrayList<>(raw.size());
        for (String p : raw) {
            try {
                out.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("COUNTER robots list " + where + ": bad pattern " + p + ": "
                        + e.getDescription(), e);
            }
        }
        return out;
    }

    public boolean isRobot(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        Boolean known = cache.get(ua);
        if (known != null) {
            return known;
        }
        boolean robot = false;
        for (Pattern p : patterns) {
            if (p.matcher(ua).find()) {
                robot = true;
                break;
            }
        }
        if (cache.size() < CACHE_LIMIT && ua.length() <= 512) {
            cache.put(ua, robot);
        }
        return robot;
    }

    public int size() {
        return patterns.size();
    }

    public String source() {
        return source;
    }
}
