package org.recto.references.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.recto.article.Reference;
import org.recto.references.Field;
import org.recto.references.ParsedReference;

/**
 * Fields for a reference that the JATS already tagged (element-citation, mixed-citation): each tagged
 * value is found in the reference's text, so that it is shown in the same style as a parsed one.
 * Returns null when the XML tagged too little to be worth it, and the parser takes over.
 */
public final class StructuredReferences {

    private StructuredReferences() {
    }

    public static ParsedReference fields(Reference r) {
        String text = r.rawText() == null ? "" : r.rawText();
        List<Field> fields = new ArrayList<>();
        int cursor = 0;
        if (!r.authors().isEmpty()) {
            int start = text.indexOf(r.authors().get(0));
            String last = r.authors().get(r.authors().size() - 1);
            int lastStart = start < 0 ? -1 : text.indexOf(last, start);
            if (start >= 0 && lastStart >= 0) {
                cursor = add(fields, text, "author", start, lastStart + last.length());
            }
        }
        boolean journal = "journal".equals(r.publicationType()) || r.articleTitle() != null && r.source() != null
                && !"book".equals(r.publicationType());
        // The date, publisher and identifiers stand anywhere; title, source, volume and pages in order.
        find(fields, text, "date", r.year(), 0, cursor);
        cursor = find(fields, text, "title", r.articleTitle() != null ? r.articleTitle() : r.source(), cursor, cursor);
        if (r.articleTitle() != null) {
            cursor = find(fields, text, journal ? "journal" : "container-title", r.source(), cursor, cursor);
        }
        cursor = find(fields, text, "volume", r.volume(), cursor, cursor);
        cursor = find(fields, text, "issue", r.issue(), cursor, cursor);
        if (r.firstPage() != null) {
            int start = text.indexOf(r.firstPage(), cursor);
            if (start >= 0) {
                int end = start + r.firstPage().length();
                if (r.lastPage() != null) {
                    int lastStart = text.indexOf(r.lastPage(), end);
                    if (lastStart >= 0 && lastStart - end <= 3) {
                        end = lastStart + r.lastPage().length();
                    }
                }
                add(fields, text, "pages", start, end);
            }
        }
        find(fields, text, "location", r.publisherLocation(), 0, cursor);
        find(fields, text, "publisher", r.publisher(), 0, cursor);
        find(fields, text, "doi", r.doi(), 0, cursor);
        find(fields, text, "url", r.url(), 0, cursor);
        if (fields.size() < 2) {
            return null;
        }
        fields.sort(Comparator.comparingInt(Field::start));
        // Overlapping finds (a year inside a title) keep the earlier, longer field.
        List<Field> clean = new ArrayList<>();
        int end = -1;
        for (Field f : fields) {
            if (f.start() >= end) {
                clean.add(f);
                end = f.end();
            }
        }
        return new ParsedReference(text, clean);
    }

    private static int find(List<Field> fields, String text, String label, String value, int from, int cursor) {
        if (value == null || value.isBlank()) {
            return cursor;
        }
        int start = text.indexOf(value.strip(), from);
        if (start < 0) {
            return cursor;
        }
        return Math.max(cursor, add(fields, text, label, start, start + value.strip().length()));
    }

    private static int add(List<Field> fields, String text, String label, int start, int end) {
        fields.add(new Field(label, text.substring(start, end), start, end));
        return end;
    }
}
