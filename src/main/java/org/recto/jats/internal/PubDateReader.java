package org.recto.jats.internal;

import java.util.Locale;

import org.recto.article.PubDate;

/** Reads a pub-date; a month or day out of range is no month or day. */
final class PubDateReader {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private Integer year;
    private Integer month;
    private Integer day;
    private String season;

    private PubDateReader() {
    }

    /** Reads the current pub-date element. */
    static PubDate read(XmlCursor x) {
        String type = Text.blankToNull(x.attr("pub-type"));
        if (type == null) {
            type = Text.blankToNull(x.attr("date-type"));
        }
        String format = Text.blankToNull(x.attr("publication-format"));
        PubDateReader d = new PubDateReader();
        x.forEachElement(name -> {
            switch (name) {
                case "year" -> d.year = number(x.text());
                case "month" -> d.month = month(x.text());
                case "day" -> d.day = number(x.text());
                case "season" -> d.season = Text.blankToNull(x.text());
                default -> x.skip();
            }
        });
        Integer month = d.month != null && (d.month < 1 || d.month > 12) ? null : d.month;
        Integer day = d.day != null && (d.day < 1 || d.day > 31) ? null : d.day;
        return new PubDate(type, format, d.year, month, day, d.season);
    }

    private static Integer number(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(s);
    }

    private static Integer month(String s) {
        Integer n = number(s);
        if (n != null || s == null || s.length() < 3) {
            return n;
        }
        String p = s.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(p)) {
                return i + 1;
            }
        }
        return null;
    }
}
