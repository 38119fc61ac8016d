package org.recto.jats.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.recto.article.JournalMeta;

/** Reads journal-meta: the journal's ids, title, ISSNs and publisher; its key is its most stable id. */
final class JournalMetaReader {

    private final XmlCursor x;
    private String publisherId;
    private String nlmTa;
    private String anyId;
    private String title;
    private String issnPrint;
    private String issnElectronic;
    private String firstIssn;
    private String publisher;
    private final Map<String, String> typedIds = new LinkedHashMap<>();

    private JournalMetaReader(XmlCursor x) {
        this.x = x;
    }

    /** Reads the current journal-meta element. */
    static JournalMeta read(XmlCursor x) {
        JournalMetaReader r = new JournalMetaReader(x);
        x.forEachElement(r::child);
        String key = r.publisherId != null ? r.publisherId : r.nlmTa != null ? r.nlmTa
                : r.firstIssn != null ? r.firstIssn : r.anyId;
        return new JournalMeta(key, r.title, r.issnPrint, r.issnElectronic, r.publisher, r.typedIds);
    }

    private void child(String name) {
        switch (name) {
            case "journal-id" -> journalId();
            case "journal-title-group" -> {
                String t = x.firstChildText("journal-title");
                title = title == null ? t : title;
            }
            case "journal-title" -> title = title == null ? Text.blankToNull(x.text()) : x.skipKeeping(title);
            case "issn" -> issn();
            case "publisher" -> {
                String p = x.firstChildText("publisher-name");
                publisher = publisher == null ? p : publisher;
            }
            default -> x.skip();
        }
    }

    private void journalId() {
        String type = x.attr("journal-id-type");
        String v = Text.blankToNull(x.text());
        if ("publisher-id".equals(type) && publisherId == null) {
            publisherId = v;
        } else if ("nlm-ta".equals(type) && nlmTa == null) {
            nlmTa = v;
        }
        if (anyId == null) {
            anyId = v;
        }
        if (v != null) {
            typedIds.putIfAbsent(type == null ? "" : type, v);
        }
    }

    private void issn() {
        String type = x.attr("pub-type");
        String format = x.attr("publication-format");
        String v = Text.blankToNull(x.text());
        if (v == null) {
            return;
        }
        if (firstIssn == null) {
            firstIssn = v;
        }
        if ("ppub".equals(type) || "print".equals(format)) {
            issnPrint = issnPrint == null ? v : issnPrint;
        } else if ("epub".equals(type) || "electronic".equals(format)) {
            issnElectronic = issnElectronic == null ? v : issnElectronic;
        } else if (issnPrint == null) {
            issnPrint = v;
        } else if (issnElectronic == null) {
            issnElectronic = v;
        }
    }
}
