package org.recto.article;

/**
 * A publication date, possibly partial (a year alone, or a season). {@code type} is the JATS
 * {@code pub-type} or {@code date-type}; {@code format} is {@code publication-format} when given.
 */
public record PubDate(String type, String format, Integer year, Integer month, Integer day, String season) {

    public boolean isElectronic() {
        return "electronic".equals(format) || "epub".equals(type) || "epub-ppub".equals(type);
    }

    public boolean isPrint() {
        return "print".equals(format) || "ppub".equals(type);
    }

    /** ISO 8601 as far as the date goes: "2017-08-23", "2018-01" or "2018". */
    public String iso() {
        if (year == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format("%04d", year));
        if (month != null) {
            s.append(String.format("-%02d", month));
            if (day != null) {
                s.append(String.format("-%02d", day));
            }
        }
        return s.toString();
    }
}
