package org.recto.references;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recto.article.Note;
import org.recto.references.notes.NoteSegmenter;
import org.recto.references.notes.NoteSegmenter.Piece;
import org.recto.references.notes.NoteSegmenter.Strength;
import org.recto.references.notes.ShortForm;
import org.springframework.stereotype.Component;

/**
 * Reads an article's notes in order: splits each into citations and commentary, parses each citation,
 * and resolves back-references to the note and citation holding the full reference, across the
 * whole article:
 * <ul>
 *   <li>"Ibid." (with or without new pages) is the citation just before it: the previous citation of
 *       its own note, else the last citation of the nearest earlier note that has one; chains of
 *       "Ibid." end at the full reference.</li>
 *   <li>"Idem" alone is the same; "Idem, ‘Other title’" is a short form by the previous author.</li>
 *   <li>"Smith, op. cit." is the latest earlier full reference by that author; "supra note 12" is note 12.</li>
 *   <li>A short form (author and short title, or a title alone, with or without pages) is the
 *       <em>first</em> earlier full reference whose author has those names (one letter of slack, so
 *       "Hoffman" finds "Hoffmann") and whose title begins with that title.</li>
 * </ul>
 * A piece that reads as prose is commentary; a weak candidate ("Mills, International Responses.")
 * counts as a citation only when it resolves.
 */
@Component
public class NoteResolver {

    private static final Pattern IBID = Pattern.compile("(?i)^(?:ibid(?:em)?|ib)\\.?(?=$|[\\s,.;:])");
    private static final Pattern IDEM = Pattern.compile("(?i)^(?:idem|eadem)\\b\\.?");
    /** Back-references that say so themselves, whatever else the piece looks like. */
    private static final Pattern EXPLICIT = Pattern.compile(
            "(?i)(?:ibid|ib\\.|idem|eadem)|[^;]{0,120}?\\b(?:(?:op|loc)\\.?\\s*+cit\\b|supra\\b)");
    private static final Pattern OP_CIT = Pattern.compile("(?i)\\b(?:op|loc)\\.?\\s*+cit\\b\\.?");
    private static final Pattern SUPRA = Pattern.compile("(?i)\\b(?:supra|above),?\\s*+(?:note|n\\.)\\s*+(\\d{1,4})\\b");
    private static final Pattern PINPOINT = Pattern.compile("(?i)[\\s,.:]*+(?:at\\s++)?(?:pp?\\.|pages?\\b|at\\b)?\\s*+");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern LINK = Pattern.compile("(?i)available\\s++at|https?://|www\\.|\\{\\s*+\\}");

    private final ReferenceParser parser;

    public NoteResolver(ReferenceParser parser) {
        this.parser = parser;
    }

    public List<ResolvedNote> resolve(List<Note> notes) {
        List<ResolvedNote> out = new ArrayList<>(notes.size());
        List<Work> works = new ArrayList<>();
        Target last = null; // the citation an "Ibid." would point at
        for (Note note : notes) {
            String text = note.text() == null ? "" : note.text();
            String label = note.label() != null ? note.label() : note.id();
            List<Citation> citations = new ArrayList<>();
            StringBuilder commentary = new StringBuilder();
            for (Piece piece : NoteSegmenter.segment(text)) {
                String s = text.substring(piece.start(), piece.end());
                Resolution r = piece.strength() == Strength.PROSE && !EXPLICIT.matcher(s.strip()).lookingAt()
                        ? null : backReference(s, last, works, notes);
                boolean citation = r != null || piece.strength() == Strength.STRONG;
                if (!citation) {
                    if (!commentary.isEmpty()) {
                        commentary.append(' ');
                    }
                    commentary.append(s.strip());
                    continue;
                }
                int index = citations.size();
                ParsedReference parsed = parser.parse(s);
                List<Field> fields = new ArrayList<>();
                for (Field f : parsed.fields()) {
                    fields.add(new Field(f.label(), f.text(), f.start() + piece.start(), f.end() + piece.start()));
                }
                Citation c = new Citation(s, piece.start(), piece.end(), fields, parsed.doi().orElse(null),
                        parsed.url().orElse(null), r == null || r.target == null ? null : r.target.note,
                        r == null || r.target == null ? null : r.target.citation, r == null ? null : r.pages);
                citations.add(c);
                if (r == null) {
                    Target self = new Target(label, index);
                    works.add(Work.of(self, s, parsed));
                    last = self;
                } else if (r.target != null) {
                    last = r.target;
                }
            }
            out.add(new ResolvedNote(label, commentary.toString(), citations));
        }
        return out;
    }

    /** The back-reference a piece makes, or null when it is no back-reference (or one that resolves to nothing). */
    private Resolution backReference(String s, Target last, List<Work> works, List<Note> notes) {
        String t = s.strip();
        Matcher ibid = IBID.matcher(t);
        if (ibid.find()) {
            return new Resolution(last, pinpoint(t.substring(ibid.end())));
        }
        Matcher idem = IDEM.matcher(t);
        if (idem.find()) {
            String rest = t.substring(idem.end()).replaceFirst("^[\\s,]+", "");
            if (rest.isEmpty() || rest.matches("(?i)^(?:pp?\\.|at)\\s.*")) {
                return new Resolution(last, pinpoint(rest));
            }
            Work previous = last == null ? null : find(works, last);
            if (previous != null) {
                ShortForm sf = ShortForm.of(rest);
                ShortForm withAuthor = new ShortForm(previous.authorWords(), sf.title(), sf.pages());
                Work w = firstMatch(works, withAuthor);
                if (w != null) {
                    return new Resolution(w.target(), sf.pages());
                }
            }
            return null;
        }
        Matcher supra = SUPRA.matcher(t);
        if (supra.find()) {
            String n = supra.group(1);
            for (Note note : notes) {
                if (n.equals(note.label())) {
                    Work w = works.stream().filter(x -> x.target().note.equals(n)).findFirst().orElse(null);
                    return new Resolution(w == null ? new Target(n, 0) : w.target(), pinpoint(t.substring(supra.end())));
                }
            }
        }
        Matcher opCit = OP_CIT.matcher(t);
        if (opCit.find()) {
            ShortForm sf = new ShortForm(ShortForm.words(t.substring(0, opCit.start())), "",
                    pinpoint(t.substring(opCit.end())));
            for (int i = works.size() - 1; i >= 0; i--) {
                if (!sf.authorWords().isEmpty() && sf.authorIn(works.get(i).authorWords())) {
                    return new Resolution(works.get(i).target(), sf.pages());
                }
            }
            return null;
        }
        if (!looksShort(t)) {
            return null;
        }
        ShortForm sf = ShortForm.of(t);
        Work w = firstMatch(works, sf);
        return w == null ? null : new Resolution(w.target(), sf.pages());
    }

    /** No year, no link and few words outside quotes: what a short form looks like. */
    private static boolean looksShort(String t) {
        if (YEAR.matcher(t).find() || LINK.matcher(t).find()) {
            return false;
        }
        String outside = t.replaceAll("[‘“\"'][^’”\"']*+[’”\"']", " ");
        return outside.strip().split("\\s+").length <= 10;
    }

    private static Work firstMatch(List<Work> works, ShortForm sf) {
        if (sf.title().isEmpty() || sf.authorWords().isEmpty() && sf.title().split(" ").length < 2) {
            return null;
        }
        for (Work w : works) {
            if (sf.authorIn(w.authorWords()) && sf.titlePrefixOf(w.titles())) {
                return w;
            }
        }
        return null;
    }

    private static Work find(List<Work> works, Target t) {
        for (Work w : works) {
            if (w.target().equals(t)) {
                return w;
            }
        }
        return null;
    }

    /** "p. 313" → "313"; "pp. 322–6." → "322–6"; nothing → null. */
    static String pinpoint(String rest) {
        int e = rest.length();
        while (e > 0 && (Character.isWhitespace(rest.charAt(e - 1)) || rest.charAt(e - 1) == '.')) {
            e--;
        }
        String r = rest.substring(0, e);
        Matcher m = PINPOINT.matcher(r);
        String p = (m.lookingAt() ? r.substring(m.end()) : r).strip();
        return p.isEmpty() ? null : p;
    }

    private record Target(String note, Integer citation) {
    }

    private record Resolution(Target target, String pages) {
    }

    /** A full reference seen so far, with what short forms are matched against. */
    private record Work(Target target, List<String> authorWords, List<String> titles) {

        static Work of(Target target, String text, ParsedReference parsed) {
            List<String> names = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (Field f : parsed.fields()) {
                switch (f.label()) {
                    case "author", "editor" -> names.addAll(ShortForm.words(f.text()));
                    case "title", "container-title", "journal" -> titles.add(ShortForm.normalize(f.text()));
                    default -> {
                    }
                }
            }
            // what the parser may have missed: the words before the first quote or comma are the
            // author, quoted passages and the rest are title candidates
            ShortForm head = ShortForm.of(text);
            names.addAll(head.authorWords());
            titles.add(head.title());
            int comma = text.indexOf(',');
            if (comma > 0) {
                names.addAll(ShortForm.words(text.substring(0, comma)));
                titles.add(ShortForm.normalize(text.substring(comma + 1)));
            }
            titles.add(ShortForm.normalize(text));
            return new Work(target, List.copyOf(names), List.copyOf(titles));
        }
    }
}
