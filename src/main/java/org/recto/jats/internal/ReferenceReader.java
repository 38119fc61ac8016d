package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recto.article.Reference;

/**
 * Reads ref-lists into {@link Reference}s in one pass: the tagged fields of a ref's first citation,
 * and its text as a reader would read it. A mixed citation carries its own punctuation, so its text
 * is used; an element citation has none, so a readable string is composed from its fields.
 */
final class ReferenceReader {

    private final XmlCursor x;
    private final List<Reference> references = new ArrayList<>();
    private final Scratch scratch;

    ReferenceReader(XmlCursor x, Scratch scratch) {
        this.x = x;
        this.scratch = scratch;
    }

    List<Reference> references() {
        return references;
    }

    /** The current element is a ref-list: reads its refs and nested ref-lists. */
    void refList() {
        x.forEachElement(name -> {
            switch (name) {
                case "ref" -> references.add(ref());
                case "ref-list" -> refList();
                default -> x.skip();
            }
        });
    }

    private Reference ref() {
        String id = x.attr("id");
        String[] label = {null};
        List<TaggedCitation> citations = new ArrayList<>(1);
        List<String> pieces = new ArrayList<>(1); // the raw text of each citation or loose text, in order
        x.forEachElement(name -> {
            switch (name) {
                case "label" -> label[0] = Text.normalizeOrNull(x.text());
                case "element-citation", "mixed-citation", "nlm-citation", "citation" -> take(citations, pieces);
                case "citation-alternatives" -> {
                    // the same citation in several forms: the first one serves
                    int before = citations.size();
                    x.forEachElement(form -> {
                        if (citations.size() == before) {
                            take(citations, pieces);
                        } else {
                            x.skip();
                        }
                    });
                }
                default -> {
                    String t = x.text();
                    if (!t.isEmpty()) {
                        pieces.add(t);
                    }
                }
            }
        });
        String rawText = rawText(pieces);
        if (citations.isEmpty()) {
            return new Reference(id, label[0], null, null, rawText, List.of(), null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
        TaggedCitation c = citations.get(0);
        return new Reference(id, label[0], c.kind, c.publicationType, rawText, c.authors,
                c.title(), c.source, c.year, c.volume, c.issue, c.firstPage(), c.lpage, c.doi, c.pmid, c.url,
                c.publisher, c.publisherLoc);
    }

    /** Reads the current citation element, keeping it and its raw text. */
    private void take(List<TaggedCitation> citations, List<String> pieces) {
        TaggedCitation c = citation(x.name());
        citations.add(c);
        pieces.add(c.rawText(scratch));
    }

    /** One piece as it is; several joined by spaces, white space normalised; null for no text. */
    private static String rawText(List<String> pieces) {
        if (pieces.size() == 1) {
            String only = pieces.get(0);
            return only == null || only.isEmpty() ? null : only;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            if (p != null && !p.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(p);
            }
        }
        return Text.normalizeOrNull(sb);
    }

    private TaggedCitation citation(String kind) {
        TaggedCitation c = new TaggedCitation(kind, kind.equals("mixed-citation") || kind.equals("citation"));
        c.publicationType = x.attr("publication-type");
        if (c.publicationType == null) {
            c.publicationType = x.attr("citation-type");
        }
        walk(c, null, "author", true);
        return c;
    }

    /**
     * Walks the content of the current element. All text goes into the citation's full text and
     * into {@code buf} (the text of the field being read); fields are picked up at any depth.
     */
    private void walk(TaggedCitation c, Out buf, String groupType, boolean top) {
        x.forEachChild(() -> {
            if (c.full != null) {
                x.appendText(c.full);
                if (top && !c.punctuated && !x.isWhitespace()) {
                    c.punctuated = true;
                }
            }
            if (buf != null) {
                x.appendText(buf);
            }
        }, n -> child(c, buf, groupType, top, n));
    }

    /** One child element of a citation: a field it knows, or text kept among the extras. */
    private void child(TaggedCitation c, Out buf, String groupType, boolean top, String n) {
        switch (n) {
            case "person-group" -> {
                String type = x.attr("person-group-type");
                walk(c, buf, type == null ? "author" : type, false);
            }
            case "name", "string-name" -> person(c, groupType, name(c, buf));
            case "collab" -> person(c, groupType, field(c, buf, groupType));
            case "anonymous" -> {
                String t = field(c, buf, groupType);
                person(c, groupType, t.isEmpty() ? "Anonymous" : t);
            }
            case "etal" -> {
                field(c, buf, groupType);
                if (groupType.equals("author")) {
                    c.etal = true;
                } else {
                    c.editorsEtal = true;
                }
            }
            case "article-title" -> c.articleTitle = first(c.articleTitle, field(c, buf, groupType));
            case "chapter-title", "data-title", "part-title" ->
                    c.chapterTitle = first(c.chapterTitle, field(c, buf, groupType));
            case "source" -> c.source = first(c.source, field(c, buf, groupType));
            case "year" -> c.year = first(c.year, field(c, buf, groupType));
            case "volume" -> c.volume = first(c.volume, field(c, buf, groupType));
            case "issue" -> c.issue = first(c.issue, field(c, buf, groupType));
            case "fpage" -> c.fpage = first(c.fpage, field(c, buf, groupType));
            case "lpage" -> c.lpage = first(c.lpage, field(c, buf, groupType));
            case "elocation-id" -> c.elocation = first(c.elocation, field(c, buf, groupType));
            case "page-range" -> c.pageRange = first(c.pageRange, field(c, buf, groupType));
            case "publisher-name" -> c.publisher = first(c.publisher, field(c, buf, groupType));
            case "publisher-loc" -> c.publisherLoc = first(c.publisherLoc, field(c, buf, groupType));
            case "pub-id", "object-id" -> {
                String type = x.attr("pub-id-type");
                String v = field(c, buf, groupType);
                if ("doi".equalsIgnoreCase(type)) {
                    String doi = Text.doi(v);
                    if (Text.looksLikeDoi(doi)) {
                        c.doi = first(c.doi, doi);
                    }
                } else if ("pmid".equalsIgnoreCase(type)) {
                    c.pmid = first(c.pmid, v);
                } else if (top) {
                    c.extras.add(v);
                }
            }
            case "ext-link", "uri" -> {
                String href = x.attr("href");
                String type = x.attr("ext-link-type");
                String v = field(c, buf, groupType);
                String target = href != null && !href.isBlank() ? href.strip() : v;
                String doi = Text.doi(target);
                if ("doi".equalsIgnoreCase(type) || (!target.equals(doi) && Text.looksLikeDoi(doi))) {
                    if (Text.looksLikeDoi(doi)) {
                        c.doi = first(c.doi, doi);
                    }
                } else if (!target.isEmpty()) {
                    c.url = first(c.url, target);
                }
                if (!top && target.equals(c.url)) {
                    // the link sits inside a comment or the like, whose text already shows it
                    c.urlInExtras = true;
                }
            }
            default -> {
                String v = field(c, buf, groupType);
                if (top && !v.isEmpty()) {
                    c.extras.add(v);
                }
            }
        }
    }

    private String field(TaggedCitation c, Out parent, String groupType) {
        // Reused builders: a reference list makes many small strings.
        Out f = scratch.borrowOut();
        try {
            walk(c, f, groupType, false);
            if (parent != null) {
                parent.append(f);
            }
            return Text.normalize(f);
        } finally {
            scratch.releaseOut();
        }
    }

    /**
     * A name as "Surname GN". Its parts are tagged without spaces between them in mixed citations,
     * so a space is put into the full text where a reader sees one.
     */
    private String name(TaggedCitation c, Out buf) {
        NameParts p = new NameParts();
        x.forEachChild(() -> {
            if (c.full != null) {
                x.appendText(c.full);
            }
            x.appendText(p.other());
            if (buf != null) {
                x.appendText(buf);
            }
        }, n -> {
            if (!p.firstPart) {
                if (c.full != null && !c.full.isEmpty() && !Text.isXmlSpace(c.full.charAt(c.full.length() - 1))) {
                    c.full.append(' ');
                }
                if (buf != null && !buf.isEmpty() && !Text.isXmlSpace(buf.charAt(buf.length() - 1))) {
                    buf.append(' ');
                }
            }
            p.firstPart = false;
            String v = field(c, buf, "author");
            switch (n) {
                case "surname" -> p.surname = v;
                case "given-names" -> p.given = v;
                case "prefix" -> p.prefix = v;
                case "suffix" -> p.suffix = v;
                default -> p.other().append(' ').append(v);
            }
        });
        if (p.surname == null && p.given == null) {
            return p.other == null ? "" : Text.normalize(p.other);
        }
        StringBuilder sb = scratch.borrowBuilder();
        try {
            namePart(sb, p.prefix);
            namePart(sb, p.surname);
            namePart(sb, p.given);
            namePart(sb, p.suffix);
            return sb.toString();
        } finally {
            scratch.releaseBuilder();
        }
    }

    /** The parts of a name as they are read; {@code other} holds untagged text and unknown parts. */
    private static final class NameParts {
        String surname;
        String given;
        String prefix;
        String suffix;
        StringBuilder other;
        boolean firstPart = true;

        StringBuilder other() {
            if (other == null) {
                other = new StringBuilder();
            }
            return other;
        }
    }

    private static void namePart(StringBuilder sb, String part) {
        if (part != null && !part.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(part);
        }
    }

    private static void person(TaggedCitation c, String groupType, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (groupType.equals("author")) {
            c.authors.add(name);
        } else if (groupType.equals("editor")) {
            c.editors.add(name);
        } else {
            c.others.add(name);
        }
    }

    private static String first(String current, String value) {
        return current != null || value == null || value.isEmpty() ? current : value;
    }
}
