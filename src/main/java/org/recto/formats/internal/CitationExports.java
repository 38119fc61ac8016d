package org.recto.formats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;

/**
 * The reference-manager formats, written from the article's CSL item. All four are UTF-8: RIS and EndNote
 * carry text as it is; BibTeX keeps non-ASCII letters as UTF-8 (biber and bibtex8 read it) and escapes the
 * characters that are special to TeX, so that a title with "&" or "%" does not break the file.
 */
public enum CitationExports {

    RIS("ris", "application/x-research-info-systems", "ris"),
    BIBTEX("bibtex", "application/x-bibtex", "bib"),
    ENDNOTE("enw", "application/x-endnote-refer", "enw"),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "json");

    private final String parameter;
    private final String mediaType;
    private final String extension;

    CitationExports(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The value of {@code ?format=}. */
    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static CitationExports of(String parameter) {
        for (CitationExports e : values()) {
            if (e.parameter.equalsIgnoreCase(parameter.strip())) {
                return e;
            }
        }
        return null;
    }

    public String write(CSLItemData item) {
        return switch (this) {
            case RIS -> ris(item);
            case BIBTEX -> bibtex(item);
            case ENDNOTE -> endnote(item);
            case CSL_JSON -> "[" + item.toJson(new StringJsonBuilderFactory().createJsonBuilder()) + "]\n";
        };
    }

    private static String ris(CSLItemData i) {
        TagLines t = new TagLines(new StringBuilder(), "  - ", "\r\n");
        t.tag("TY", "JOUR");
        t.tag("TI", i.getTitle());
        for (CSLName n : names(i)) {
            t.tag("AU", inverted(n));
        }
        int[] date = date(i);
        if (date.length > 0) {
            t.tag("PY", String.valueOf(date[0]));
            t.tag("DA", risDate(date));
        }
        t.tag("T2", i.getContainerTitle());
        t.tag("JO", i.getContainerTitle());
        t.tag("VL", i.getVolume());
        t.tag("IS", i.getIssue());
        String[] pages = pages(i);
        t.tag("SP", pages[0]);
        t.tag("EP", pages[1]);
        t.tag("SN", i.getISSN());
        t.tag("PB", i.getPublisher());
        t.tag("DO", i.getDOI());
        t.tag("UR", i.getURL());
        t.tag("LA", i.getLanguage());
        t.tag("AB", i.getAbstrct());
        for (String k : keywords(i)) {
            t.tag("KW", k);
        }
        return t.lines().append("ER  - \r\n").toString();
    }

    private static String endnote(CSLItemData i) {
        TagLines t = new TagLines(new StringBuilder(), " ", "\n");
        t.tag("%0", "Journal Article");
        t.tag("%T", i.getTitle());
        for (CSLName n : names(i)) {
            t.tag("%A", inverted(n));
        }
        int[] date = date(i);
        if (date.length > 0) {
            t.tag("%D", String.valueOf(date[0]));
        }
        t.tag("%J", i.getContainerTitle());
        t.tag("%V", i.getVolume());
        t.tag("%N", i.getIssue());
        t.tag("%P", i.getPage());
        t.tag("%@", i.getISSN());
        t.tag("%I", i.getPublisher());
        t.tag("%R", i.getDOI());
        t.tag("%U", i.getURL());
        t.tag("%G", i.getLanguage());
        t.tag("%X", i.getAbstrct());
        for (String k : keywords(i)) {
            t.tag("%K", k);
        }
        return t.lines().toString();
    }

    private static String bibtex(CSLItemData i) {
        StringBuilder s = new StringBuilder("@article{").append(bibKey(i)).append(",\n");
        List<String> authors = names(i).stream().map(n -> n.getLiteral() != null ? "{" + tex(n.getLiteral()) + "}" : tex(inverted(n))).toList();
        field(s, "author", authors.isEmpty() ? null : String.join(" and ", authors), false);
        field(s, "title", i.getTitle() == null ? null : "{" + tex(i.getTitle()) + "}", false);
        field(s, "journal", tex(i.getContainerTitle()), false);
        int[] date = date(i);
        if (date.length > 0) {
            field(s, "year", String.valueOf(date[0]), false);
        }
        if (date.length > 1) {
            field(s, "month", String.valueOf(date[1]), false);
        }
        field(s, "volume", tex(i.getVolume()), false);
        field(s, "number", tex(i.getIssue()), false);
        field(s, "issue", tex(i.getIssue()), false);
        field(s, "pages", i.getPage() == null ? null : tex(i.getPage()).replace("-", "--"), false);
        field(s, "issn", tex(i.getISSN()), false);
        field(s, "publisher", tex(i.getPublisher()), false);
        field(s, "doi", i.getDOI(), true);
        field(s, "url", i.getURL(), true);
        field(s, "language", tex(i.getLanguage()), false);
        field(s, "abstract", tex(i.getAbstrct()), false);
        field(s, "keywords", tex(i.getKeyword()), false);
        s.setLength(s.length() - 2);
        return s.append("\n}\n").toString();
    }

    /** TeX's special characters escaped; letters, including non-ASCII ones, left as they are. */
    static String tex(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '\\' -> s.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> s.append('\\').append(c);
                case '~' -> s.append("\\textasciitilde{}");
                case '^' -> s.append("\\textasciicircum{}");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A citation key: first author's family name and the year ("Mills2018"), ASCII letters and digits only. */
    private static String bibKey(CSLItemData i) {
        String family = names(i).stream().findFirst()
                .map(n -> n.getFamily() != null ? n.getFamily() : n.getLiteral()).orElse("article");
        String ascii = java.text.Normalizer.normalize(family, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "");
        int[] date = date(i);
        return (ascii.isEmpty() ? "article" : ascii) + (date.length > 0 ? date[0] : "");
    }

    private static void field(StringBuilder s, String name, String value, boolean verbatim) {
        if (value != null && !value.isBlank()) {
            s.append("  ").append(name).append(" = {").append(verbatim ? value.replace("}", "").replace("{", "") : value)
                    .append("},\n");
        }
    }

    /** The lines of a tagged format (RIS, EndNote): a tag, its separator, the value on one line; no empty values. */
    private record TagLines(StringBuilder lines, String separator, String newline) {
        void tag(String tag, String value) {
            if (value != null && !value.isBlank()) {
                lines.append(tag).append(separator).append(value.replaceAll("[\\r\\n]+", " ").strip()).append(newline);
            }
        }
    }

    private static List<CSLName> names(CSLItemData i) {
        return i.getAuthor() == null ? List.of() : List.of(i.getAuthor());
    }

    /** "van der Berg, Jan" (a particle stays with the family name); a collaboration's name as it is. */
    static String inverted(CSLName n) {
        if (n.getLiteral() != null) {
            return n.getLiteral();
        }
        String family = CitationItems.familyWithParticle(n);
        String name = n.getGiven() == null ? family : family + ", " + n.getGiven();
        return n.getSuffix() == null ? name : name + ", " + n.getSuffix();
    }

    private static int[] date(CSLItemData i) {
        if (i.getIssued() == null || i.getIssued().getDateParts() == null || i.getIssued().getDateParts().length == 0) {
            return new int[0];
        }
        return i.getIssued().getDateParts()[0];
    }

    private static String risDate(int[] d) {
        return String.format(Locale.ROOT, "%04d/%s/%s/", d[0], d.length > 1 ? String.format("%02d", d[1]) : "",
                d.length > 2 ? String.format("%02d", d[2]) : "");
    }

    private static String[] pages(CSLItemData i) {
        if (i.getPage() == null) {
            return new String[] {null, null};
        }
        int dash = i.getPage().indexOf('-');
        return dash < 0 ? new String[] {i.getPage(), null}
                : new String[] {i.getPage().substring(0, dash), i.getPage().substring(dash + 1)};
    }

    private static List<String> keywords(CSLItemData i) {
        List<String> out = new ArrayList<>();
        if (i.getKeyword() != null) {
            for (String k : i.getKeyword().split(",")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
        }
        return out;
    }
}
