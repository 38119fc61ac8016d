package org.recto.jats.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamReader;

import org.recto.article.Article;
import org.recto.article.AuthorNote;
import org.recto.article.BackMatter;
import org.recto.article.Contributor;
import org.recto.article.JournalMeta;

/**
 * Parses one JATS document from a StAX stream into an {@link Article} (the article before it is
 * stored), in a single pass: the root element here, each part of the document by its own reader
 * ({@link FrontMatterReader}, {@link BodyReader}, {@link BackMatterReader}, {@link ReferenceReader}).
 * Sub-articles (eLife decision letters, author responses) are skipped whole, so nothing of theirs
 * reaches the article's lists. One instance per document.
 */
public final class JatsArticleParser {

    private final XmlCursor x;
    private final ReferenceReader refs;
    private final DocumentNotes notes;
    private final FrontMatterReader front;
    private final BodyReader body;
    private final BackMatterReader back;

    private JatsArticleParser(XMLStreamReader reader, String file, byte[] source, Scratch scratch) {
        scratch.reset();
        this.x = new XmlCursor(reader, file, source);
        this.refs = new ReferenceReader(x, scratch);
        this.notes = new DocumentNotes(refs);
        HtmlRenderer html = new HtmlRenderer(x, notes, scratch);
        this.front = new FrontMatterReader(x, html);
        this.body = new BodyReader(html, scratch.body());
        this.back = new BackMatterReader(x, html, refs);
    }

    /**
     * Reads the document, using (and leaving behind) the calling thread's scratch buffers. Throws
     * {@link JatsFailure} for anything that makes it unreadable or not an article.
     */
    public static Article read(XMLStreamReader reader, String file, byte[] source, Scratch scratch) {
        return new JatsArticleParser(reader, file, source, scratch).read();
    }

    private Article read() {
        if (!x.toRoot()) {
            throw x.failure(0, 0, "the file contains no XML element; it is empty or not XML");
        }
        String root = x.name();
        if (!root.equals("article")) {
            throw x.failure("this is not a JATS article: the root element is <" + root + ">, expected <article>");
        }
        String articleType = Text.blankToNull(x.attr("article-type"));
        String lang = x.attr("lang");
        String language = lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(Locale.ROOT);
        x.forEachElement(name -> {
            switch (name) {
                case "front" -> front.read();
                case "body", "floats-group" -> body.read();
                case "back" -> back.read();
                default -> x.skip(); // sub-article, response: their own front matter, notes and refs stay out
            }
        });
        x.finish();
        FrontMatter f = front.result();
        checkDoi(f);
        return new Article(Text.doi(f.doi()), articleType, language,
                f.journal() == null ? new JournalMeta(null, null, null, null, null) : f.journal(), f.ids(),
                f.titleHtml(), f.subtitleHtml(), contributors(f), f.affiliations(), f.authorNotes().notes(),
                f.pubDates(), f.volume(), f.issue(), f.firstPage(), f.lastPage(), f.elocationId(), f.permissions(),
                f.abstracts(), f.keywordGroups(), f.subjectGroups(), f.relatedArticles(), body.result(),
                new BackMatter(back.acknowledgementsHtml(), back.appendices(), notes.notes(), refs.references()));
    }

    private void checkDoi(FrontMatter f) {
        int line = f.articleMetaLine();
        if (f.doi() == null) {
            throw x.failure(line, line > 0 ? 1 : 0, "the article has no DOI (<article-id pub-id-type=\"doi\">)");
        }
        if (!Text.looksLikeDoi(f.doi())) {
            throw x.failure(line, line > 0 ? 1 : 0, "the article's DOI \"" + f.doi()
                    + "\" is not a DOI (a DOI starts with \"10.\" and contains \"/\")");
        }
    }

    /** The contributors, with what the author notes and the footnotes anywhere in the article say of them. */
    private List<Contributor> contributors(FrontMatter f) {
        Map<String, AuthorNote> notesById = new HashMap<>();
        for (AuthorNote n : f.authorNotes().notes()) {
            if (n.id() != null) {
                notesById.putIfAbsent(n.id(), n);
            }
        }
        // an author note's fn-type wins over that of a footnote with the same id elsewhere
        Map<String, String> fnTypes = new HashMap<>(notes.fnTypes());
        fnTypes.putAll(f.authorNotes().fnTypes());
        return f.contributors().stream()
                .map(c -> c.resolve(notesById, f.authorNotes().correspondenceEmails(), fnTypes))
                .toList();
    }
}
