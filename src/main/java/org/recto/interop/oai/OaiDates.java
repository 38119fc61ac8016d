package org.recto.interop.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** OAI-PMH datestamps: UTC, at seconds granularity ({@code YYYY-MM-DDThh:mm:ssZ}), days also accepted in requests. */
final class OaiDates {

    static final String GRANULARITY = "YYYY-MM-DDThh:mm:ssZ";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private OaiDates() {
    }

    static String format(Instant t) {
        return FORMAT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A request's date bound: the first instant it covers, and the first instant after it. */
    record Bound(Instant start, Instant end, boolean day) {
    }

    static Bound parse(String name, String value) {
        try {
            if (DAY.matcher(value).matches()) {
                Instant start = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Bound(start, start.plus(1, ChronoUnit.DAYS), true);
            }
            if (SECOND.matcher(value).matches()) {
                Instant start = Instant.parse(value);
                return new Bound(start, start.plusSeconds(1), false);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below
        }
        throw OaiError.badArgument("The argument '" + name + "' is '" + value
                + "', which is not a UTC date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
    }
}
