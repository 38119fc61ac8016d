package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recto.article.Affiliation;

/**
 * Reads an aff into an {@link Affiliation}: its text as a reader reads it, and its institution,
 * ids, address and country. An aff without an id gets one ("recto-aff-N", unique in the document).
 */
final class AffiliationReader {

    private final XmlCursor x;
    private int generated;
    /** The email of the affiliation read last, if it had one. */
    private String lastEmail;

    AffiliationReader(XmlCursor x) {
        this.x = x;
    }

    /** The email found in the aff read last: an address of the person, not of the institution. */
    String lastEmail() {
        return lastEmail;
    }

    /** Reads the current aff-alternatives element: its first aff serves. */
    Affiliation firstAff() {
        Affiliation[] first = {null};
        x.forEachElement(name -> {
            if (first[0] == null && name.equals("aff")) {
                first[0] = aff();
            } else {
                x.skip();
            }
        });
        return first[0] != null ? first[0]
                : new Affiliation("recto-aff-" + (++generated), null, "", null, List.of(), null, null);
    }

    /** Reads the current aff element. */
    Affiliation aff() {
        lastEmail = null;
        String id = x.attr("id");
        if (id == null || id.isBlank()) {
            id = "recto-aff-" + (++generated);
        }
        Parts a = new Parts();
        content(a);
        String institution = a.institution != null ? a.institution : a.anyInstitution;
        String text = stripPunctuation(Text.normalize(a.text).replace(" ,", ","));
        return new Affiliation(id.strip(), a.label, text, institution, a.ids,
                a.address.isEmpty() ? null : String.join(", ", a.address), a.country);
    }

    private void content(Parts a) {
        x.forEachChild(() -> x.appendText(a.text), name -> {
            switch (name) {
                case "label" -> {
                    String l = x.text();
                    if (a.label == null && !l.isEmpty()) {
                        a.label = l;
                    }
                }
                case "institution" -> institution(a);
                case "institution-wrap" -> content(a);
                case "institution-id" -> {
                    String type = x.attr("institution-id-type");
                    String v = x.text();
                    if (!v.isEmpty()) {
                        a.ids.add(new Affiliation.InstitutionId(type == null ? "unknown" : type, v));
                    }
                }
                case "addr-line", "city", "state", "postal-code" -> {
                    String v = x.text();
                    a.part(v);
                    if (!v.isEmpty()) {
                        a.address.add(v);
                    }
                }
                case "named-content" -> namedContent(a);
                case "country" -> {
                    String v = x.text();
                    a.part(v);
                    if (a.country == null && !v.isEmpty()) {
                        a.country = v;
                    }
                }
                case "email" -> {
                    // an address of the person, not of the institution: kept for the contributor, not in the text
                    String v = x.text();
                    if (lastEmail == null && Markup.isEmail(v)) {
                        lastEmail = v;
                    }
                }
                case "xref", "fn" -> x.skip();
                default -> x.appendTextContent(a.text);
            }
        });
    }

    private void institution(Parts a) {
        String contentType = x.attr("content-type");
        String v = x.text();
        a.part(v);
        if (!v.isEmpty()) {
            if (a.anyInstitution == null) {
                a.anyInstitution = v;
            }
            if (a.institution == null && !isDepartment(contentType)) {
                a.institution = v;
            }
        }
    }

    private void namedContent(Parts a) {
        String contentType = x.attr("content-type");
        String v = x.text();
        a.part(v);
        if (!v.isEmpty() && contentType != null && (contentType.equals("city")
                || contentType.equals("state") || contentType.equals("postal-code")
                || contentType.equals("street") || contentType.startsWith("addr"))) {
            a.address.add(v);
        }
    }

    private static boolean isDepartment(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("dept") || t.startsWith("depart") || t.equals("division") || t.equals("lab")
                || t.equals("laboratory") || t.equals("section") || t.equals("unit");
    }

    private static String stripPunctuation(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ',' || s.charAt(start) == ';' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ',' || s.charAt(end - 1) == ';' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** What one aff holds, as it is read. */
    private static final class Parts {
        final StringBuilder text = new StringBuilder();
        /** Where the last institution, address part or country ended in {@code text}; -1 before the first. */
        int partEnd = -1;
        String label;
        String institution;
        String anyInstitution;
        final List<Affiliation.InstitutionId> ids = new ArrayList<>();
        final List<String> address = new ArrayList<>();
        String country;

        /**
         * Appends an institution, address part or country. Parts that the XML only separates by white
         * space or by nesting ({@code institution-wrap}, {@code addr-line}, {@code country}) get the comma a
         * reader expects; punctuation or words the file puts between them are kept as written.
         */
        void part(String v) {
            if (v.isEmpty()) {
                return;
            }
            if (partEnd >= 0 && text.substring(partEnd).isBlank()) {
                text.setLength(partEnd);
                text.append(", ");
            }
            text.append(v);
            partEnd = text.length();
        }
    }
}
