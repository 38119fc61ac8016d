package org.recto.usage.internal;

import java.io.IOException;
import java.io.InputStream;
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
 * The list is the copy bundled in the jar ({@code usage/counter-robots/}, MIT, with its licence) unless
 * {@code recto.usage.robots-file} names another; a few {@link #ADDITIONS} always apply on top of it.
 */
public final class RobotFilter {

    /** The bundled COUNTER list, on the classpath. */
    static final String BUNDLED = "usage/counter-robots/COUNTER_Robots_list.json";

    /**
     * Scripted HTTP clients that the COUNTER list (2024-04) does not name; the CoP treats the list as a minimum, so
     * they are classed as robots whichever list is used.
     */
    static final List<String> ADDITIONS = List.of("PostmanRuntime\\/", "node-fetch", "undici", "insomnia\\/");

    private static final int CACHE_LIMIT = 10_000;

    private final List<Pattern> patterns;
    private final List<Pattern> additions;
    private final String source;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    private RobotFilter(List<Pattern> patterns, String source) {
        this.patterns = List.copyOf(patterns);
        this.additions = compile(ADDITIONS, "built-in additions");
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
        return parse(text, file.toString());
    }

    /** The COUNTER list shipped in the jar. */
    public static RobotFilter bundled() {
        try (InputStream in = RobotFilter.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("The bundled COUNTER robots list " + BUNDLED + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled COUNTER list (" + BUNDLED + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled COUNTER robots list: " + e.getMessage(), e);
        }
    }

    private static RobotFilter parse(String text, String where) {
        List<String> raw = new ArrayList<>();
        if (text.stripLeading().startsWith("[")) {
            JsonNode array = JsonMapper.builder().build().readTree(text);
            for (JsonNode entry : array) {
                JsonNode p = entry.isObject() ? entry.get("pattern") : entry;
                if (p == null || !p.isString()) {
                    throw new IllegalArgumentException("COUNTER robots list " + where + ": entry without a \"pattern\": " + entry);
                }
                raw.add(p.asString());
            }
        } else {
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(raw::add);
        }
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("COUNTER robots list " + where + " holds no pattern");
        }
        return new RobotFilter(compile(raw, where), where);
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
        boolean robot = matches(patterns, ua) || matches(additions, ua);
        if (cache.size() < CACHE_LIMIT && ua.length() <= 512) {
            cache.put(ua, robot);
        }
        return robot;
    }

    private static boolean matches(List<Pattern> patterns, String ua) {
        for (Pattern p : patterns) {
            if (p.matcher(ua).find()) {
                return true;
            }
        }
        return false;
    }

    /** Patterns of the list (without the {@link #ADDITIONS}). */
    public int size() {
        return patterns.size();
    }

    public String source() {
        return source;
    }
}
