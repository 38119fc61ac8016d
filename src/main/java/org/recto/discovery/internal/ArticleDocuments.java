package org.recto.discovery.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.KeywordGroup;
import org.recto.article.PubDate;
import org.recto.article.Reference;
import org.recto.article.RelatedArticle;
import org.recto.article.Relation;
import org.recto.article.StoredArticle;
import org.recto.article.SubjectGroup;

/** An article's latest version as one Lucene document. */
final class ArticleDocuments {

    /** Prose that snippets are cut from: stored, with offsets so the highlighter need not analyse it again. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);
    /** The body: indexed with offsets like the prose above, but kept as a doc value rather than stored ({@link BodyText}). */
    private static final FieldType BODY = new FieldType(TextField.TYPE_NOT_STORED);
    private static final Pattern CC = Pattern.compile("creativecommons\\.org/(licenses|publicdomain)/([a-z-]+)/([0-9.]+)?",
            Pattern.CASE_INSENSITIVE);

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }

    private ArticleDocuments() {
    }

    static String key(String doi) {
        return doi.toLowerCase(Locale.ROOT);
    }

    /** @param incoming links from other articles to this one (a correction's, a retraction's) */
    static Document of(StoredArticle stored, List<Relation> incoming) {
        Article a = stored.article();
        Document d = new Document();
        d.add(new StringField(Fields.DOI_KEY, key(a.doi()), Field.Store.YES));
        d.add(new StoredField(Fields.DOI, a.doi()));
        d.add(new StoredField(Fields.VERSION, stored.version()));
        d.add(new Field(Fields.TITLE, a.titleText(), HIGHLIGHTED));
        d.add(new Field(Fields.ABSTRACT, abstractText(a), HIGHLIGHTED));
        String body = Html.toText(a.body().html());
        d.add(new Field(Fields.BODY, body, BODY));
        d.add(new BinaryDocValuesField(Fields.BODY_TEXT, new BytesRef(body)));
        for (KeywordGroup g : a.keywordGroups()) {
            g.keywords().forEach(k -> d.add(new TextField(Fields.KEYWORDS, k, Field.Store.YES)));
        }
        for (Contributor c : a.authors()) {
            d.add(new TextField(Fields.AUTHORS, c.displayName(), Field.Store.YES));
        }
        for (Affiliation f : a.affiliations()) {
            d.add(new TextField(Fields.AFFILIATIONS, f.text() == null ? "" : f.text(), Field.Store.NO));
        }
        for (Reference r : a.back().references()) {
            d.add(new TextField(Fields.REFERENCES, r.rawText() == null ? "" : r.rawText(), Field.Store.NO));
            if (r.doi() != null && !r.doi().isBlank()) {
                d.add(new StringField(Fields.CITES, key(r.doi().strip()), Field.Store.YES));
            }
        }
        PubDate date = a.publicationDate();
        if (date != null && date.year() != null) {
            d.add(new NumericDocValuesField(Fields.DATE, date.year() * 10000L
                    + (date.month() == null ? 0 : date.month()) * 100L + (date.day() == null ? 0 : date.day())));
            d.add(new StoredField(Fields.DATE_TEXT, date.iso()));
            d.add(new SortedSetDocValuesFacetField("year", String.valueOf(date.year())));
        } else {
            d.add(new NumericDocValuesField(Fields.DATE, 0));
        }
        String journal = a.journal() == null || a.journal().title() == null ? "Unknown journal" : a.journal().title();
        d.add(new StoredField(Fields.JOURNAL_TITLE, journal));
        d.add(new SortedSetDocValuesFacetField("journal", journal));
        String type = typeLabel(a.articleType());
        d.add(new StringField(Fields.TYPE, a.articleType() == null ? "" : a.articleType(), Field.Store.NO));
        d.add(new StoredField(Fields.TYPE_LABEL, type));
        d.add(new SortedSetDocValuesFacetField("type", type));
        subjects(a).forEach(s -> d.add(new SortedSetDocValuesFacetField("subject", s)));
        d.add(new SortedSetDocValuesFacetField("licence", licence(a)));
        String notice = notice(a, incoming);
        if (notice != null) {
            d.add(new StoredField(Fields.NOTICE, notice));
        }
        return d;
    }

    static String abstractText(Article a) {
        StringBuilder text = new StringBuilder();
        for (Abstract x : a.abstracts()) {
            // The main abstract and structured ones; teasers and digests repeat it for other readers.
            if (x.type() == null || x.structured()) {
                text.append(Html.toText(x.html())).append('\n');
            }
        }
        return text.toString().strip();
    }

    private static List<String> subjects(Article a) {
        return a.subjectGroups().stream()
                .filter(g -> g.type() == null || !g.type().toLowerCase(Locale.ROOT).contains("display-channel"))
                .map(SubjectGroup::subjects).flatMap(List::stream)
                .map(String::strip).filter(s -> !s.isEmpty() && s.length() < 200).distinct().toList();
    }

    static String typeLabel(String type) {
        if (type == null || type.isBlank()) {
            return "Article";
        }
        String t = type.replace('-', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** "CC BY 4.0", "CC0 1.0", "Other licence" or "No licence stated". */
    static String licence(Article a) {
        String url = a.permissions() == null ? null : a.permissions().licenseUrl();
        if (url == null || url.isBlank()) {
            return "No licence stated";
        }
        Matcher m = CC.matcher(url);
        if (!m.find()) {
            return "Other licence";
        }
        String kind = m.group(2).equalsIgnoreCase("zero") ? "0" : " " + m.group(2).toUpperCase(Locale.ROOT);
        return ("CC" + kind + (m.group(3) == null ? "" : " " + m.group(3))).replace("CC ZERO", "CC0");
    }

    /** What a result list should warn of: the article is a notice, or has been retracted or corrected. */
    static String notice(Article a, List<Relation> incoming) {
        String own = switch (a.articleType() == null ? "" : a.articleType()) {
            case "correction" -> "Correction notice";
            case "retraction", "partial-retraction" -> "Retraction notice";
            case "expression-of-concern" -> "Expression of concern";
            default -> null;
        };
        if (own != null) {
            return own;
        }
        // Links to this article from notices, and this article's own links forward to its notices.
        List<String> in = incoming.stream().map(Relation::type).toList();
        List<String> out = a.relatedArticles().stream().map(RelatedArticle::type).toList();
        if (in.contains("retracted-article") || out.contains("retraction-forward")) {
            return "Retracted";
        }
        if (in.contains("object-of-concern") || in.contains("expressed-concern")) {
            return "Expression of concern issued";
        }
        if (in.contains("corrected-article") || out.contains("correction-forward")) {
            return "Corrected";
        }
        return null;
    }
}
