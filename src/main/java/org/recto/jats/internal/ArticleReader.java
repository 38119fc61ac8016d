package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamReader;

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.ArticleId;
import org.recto.article.AuthorNote;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.Contributor;
import org.recto.article.JournalMeta;
import org.recto.article.KeywordGroup;
import org.recto.article.Note;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.recto.article.SubjectGroup;
import org.recto.jats.JatsProblem;

/**
 * Reads one JATS document from a StAX stream into an {@link Article}, in a single pass by
 * recursive descent: each method consumes one element to its end. One instance per document.
 * Sub-articles (eLife decision letters, author responses) are skipped whole, so nothing of theirs
 * reaches the article's lists.
 */
public final class ArticleReader implements HtmlRenderer.Sink {

    private final XmlCursor x;
    private final HtmlRenderer html;
    private final ReferenceReader refs;

    private String articleType;
    private String language;
    private JournalMeta journal;
    private final List<ArticleId> ids = new ArrayList<>();
    private String doi;
    private int articleMetaLine;
    private String titleHtml;
    private String subtitleHtml;
    private final List<ContribBuilder> contributors = new ArrayList<>();
    private final List<Affiliation> affiliations = new ArrayList<>();
    private final List<AuthorNote> authorNotes = new ArrayList<>();
    private final Map<String, Integer> correspEmailCount = new HashMap<>();
    private final List<PubDate> pubDates = new ArrayList<>();
    private String volume;
    private String issue;
    private String firstPage;
    private String lastPage;
    private String elocationId;
    private Permissions permissions = Permissions.NONE;
    private final List<Abstract> abstracts = new ArrayList<>();
    private final List<KeywordGroup> keywordGroups = new ArrayList<>();
    private final List<SubjectGroup> subjectGroups = new ArrayList<>();
    private final List<RelatedArticle> relatedArticles = new ArrayList<>();
    private final Out bodyHtml;
    private final List<HtmlRenderer.SectionInfo> outline = new ArrayList<>();
    private boolean hasBody;
    private final Out ackHtml = new Out();
    private final List<BackMatter.Appendix> appendices = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final Map<String, String> fnTypes = new HashMap<>();
    private int generatedAffs;
    /** The email of the affiliation read last, if it had one. */
    private String lastAffEmail;

    private final Scratch scratch;

    private ArticleReader(XMLStreamReader reader, String file, byte[] source, Scratch scratch) {
        scratch.reset();
        this.scratch = scratch;
        this.x = new XmlCursor(reader, file, source);
        this.refs = new ReferenceReader(x, scratch);
        this.html = new HtmlRenderer(x, this, scratch);
        this.bodyHtml = scratch.body();
    }

    /**
     * Reads the document, using (and leaving behind) the calling thread's scratch buffers. Throws
     * {@link JatsFailure} for anything that makes it unreadable or not an article.
     */
    public static Article read(XMLStreamReader reader, String file, byte[] source, Scratch scratch) {
        return new ArticleReader(reader, file, source, scratch).read();
    }

    private Article read() {
        if (!x.toRoot()) {
            throw x.failure(0, 0, "the file contains no XML element; it is empty or not XML");
        }
        String root = x.name();
        if (!root.equals("article")) {
            throw x.failure("this is not a JATS article: the root element is <" + root + ">, expected <article>");
        }
        articleType = blankToNull(x.attr("article-type"));
        String lang = x.attr("lang");
        language = lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(Locale.ROOT);
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "front" -> front();
                case "body" -> body();
                case "back" -> back();
                case "floats-group" -> body();
                default -> x.skip(); // sub-article, response: their own front matter, notes and refs stay out
            }
        }
        x.finish();

        List<JatsProblem> problems = new ArrayList<>();
        if (doi == null) {
            problems.add(new JatsProblem(x.file(), articleMetaLine, articleMetaLine > 0 ? 1 : 0,
                    "the article has no DOI (<article-id pub-id-type=\"doi\">)"));
        } else if (!Text.looksLikeDoi(doi)) {
            problems.add(new JatsProblem(x.file(), articleMetaLine, articleMetaLine > 0 ? 1 : 0,
                    "the article's DOI \"" + doi + "\" is not a DOI (a DOI starts with \"10.\" and contains \"/\")"));
        }
        if (!problems.isEmpty()) {
            throw new JatsFailure(problems.get(0));
        }
        return build();
    }

    private Article build() {
        Map<String, AuthorNote> notesById = new HashMap<>();
        for (AuthorNote n : authorNotes) {
            if (n.id() != null) {
                notesById.putIfAbsent(n.id(), n);
            }
        }
        List<Contributor> contribs = new ArrayList<>(contributors.size());
        for (ContribBuilder c : contributors) {
            for (String nid : c.noteIds) {
                AuthorNote n = notesById.get(nid);
                if (n != null && n.kind().equals("corresp")) {
                    c.corresponding = true;
                    if (c.email == null && n.email() != null && correspEmailCount.getOrDefault(nid, 0) == 1) {
                        c.email = n.email();
                    }
                }
                String type = fnTypes.get(nid);
                if (type != null) {
                    switch (type) {
                        case "equal", "equal-contrib", "equal-contribution", "equal-contributor" ->
                                c.equalContribution = true;
                        case "deceased" -> c.deceased = true;
                        case "corresp" -> c.corresponding = true;
                        default -> {
                        }
                    }
                }
            }
            contribs.add(c.build());
        }
        List<Body.Section> sections = new ArrayList<>(outline.size());
        for (HtmlRenderer.SectionInfo s : outline) {
            sections.add(new Body.Section(s.id, s.titleHtml, s.depth));
        }
        Body body = hasBody ? new Body(HtmlRenderer.trim(bodyHtml), sections, html.figures, html.tables) : Body.EMPTY;
        BackMatter back = new BackMatter(ackHtml.isEmpty() ? null : ackHtml.toString(), appendices, notes,
                refs.references());
        return new Article(Text.doi(doi), articleType, language, journal == null ? new JournalMeta(null, null, null,
                null, null) : journal, ids, titleHtml, subtitleHtml, contribs, affiliations, authorNotes, pubDates,
                volume, issue, firstPage, lastPage, elocationId, permissions, abstracts, keywordGroups,
                subjectGroups, relatedArticles, body, back);
    }

    // ---------------------------------------------------------------- front

    private void front() {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "journal-meta" -> journalMeta();
                case "article-meta" -> articleMeta();
                default -> x.skip();
            }
        }
    }

    private void journalMeta() {
        String publisherId = null;
        String nlmTa = null;
        String anyId = null;
        String title = null;
        String issnPrint = null;
        String issnElectronic = null;
        String firstIssn = null;
        String publisher = null;
        Map<String, String> typedIds = new LinkedHashMap<>();
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "journal-id" -> {
                    String type = x.attr("journal-id-type");
                    String v = blankToNull(x.text());
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
                case "journal-title-group" -> {
                    String t = x.firstChildText("journal-title");
                    title = title == null ? t : title;
                }
                case "journal-title" -> title = title == null ? blankToNull(x.text()) : skipped(title);
                case "issn" -> {
                    String type = x.attr("pub-type");
                    String format = x.attr("publication-format");
                    String v = blankToNull(x.text());
                    if (v == null) {
                        continue;
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
                case "publisher" -> {
                    String p = x.firstChildText("publisher-name");
                    publisher = publisher == null ? p : publisher;
                }
                default -> x.skip();
            }
        }
        String key = publisherId != null ? publisherId : nlmTa != null ? nlmTa : firstIssn != null ? firstIssn : anyId;
        journal = new JournalMeta(key, title, issnPrint, issnElectronic, publisher, typedIds);
    }

    private String skipped(String keep) {
        x.skip();
        return keep;
    }

    private void articleMeta() {
        if (articleMetaLine == 0) {
            articleMetaLine = x.line();
        }
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "article-id" -> {
                    String type = x.attr("pub-id-type");
                    String v = x.text();
                    if ("doi".equalsIgnoreCase(type)) {
                        v = Text.doi(v);
                        if (doi == null && v != null) {
                            doi = v;
                        }
                    }
                    if (v != null && !v.isEmpty()) {
                        ids.add(new ArticleId(type, v));
                    }
                }
                case "article-categories" -> {
                    int dc = x.depth();
                    while (x.nextChild(dc)) {
                        if (!x.isText()) {
                            if (x.name().equals("subj-group")) {
                                String type = x.attr("subj-group-type");
                                List<String> subjects = new ArrayList<>();
                                subjects(subjects);
                                subjectGroups.add(new SubjectGroup(type, subjects));
                            } else {
                                x.skip();
                            }
                        }
                    }
                }
                case "title-group" -> titleGroup();
                case "contrib-group" -> contribGroup();
                case "aff" -> affiliations.add(aff());
                case "aff-alternatives" -> affiliations.add(firstAff());
                case "author-notes" -> authorNotes();
                case "pub-date" -> pubDates.add(pubDate());
                case "volume" -> volume = first(volume);
                case "issue" -> issue = first(issue);
                case "fpage" -> firstPage = first(firstPage);
                case "lpage" -> lastPage = first(lastPage);
                case "elocation-id" -> elocationId = first(elocationId);
                case "permissions" -> permissions();
                case "related-article" -> relatedArticles.add(relatedArticle());
                case "abstract" -> abstracts.add(abstractElement());
                case "kwd-group" -> keywordGroups.add(keywordGroup());
                default -> x.skip();
            }
        }
    }

    private String first(String current) {
        if (current != null) {
            x.skip();
            return current;
        }
        return blankToNull(x.text());
    }

    private void subjects(List<String> into) {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "subject", "compound-subject" -> {
                    String s = x.text();
                    if (!s.isEmpty()) {
                        into.add(s);
                    }
                }
                case "subj-group" -> subjects(into);
                default -> x.skip();
            }
        }
    }

    private void titleGroup() {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "article-title" -> {
                    if (titleHtml == null) {
                        titleHtml = html.inline();
                    } else {
                        x.skip();
                    }
                }
                case "subtitle" -> {
                    if (subtitleHtml == null) {
                        subtitleHtml = blankToNull(html.inline());
                    } else {
                        x.skip();
                    }
                }
                default -> x.skip();
            }
        }
    }

    // ---------------------------------------------------------------- contributors and affiliations

    private void contribGroup() {
        List<ContribBuilder> group = new ArrayList<>();
        List<String> groupAffs = new ArrayList<>();
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "contrib" -> group.add(contrib());
                case "aff", "aff-alternatives" -> {
                    boolean hasId = x.name().equals("aff") && x.attr("id") != null && !x.attr("id").isBlank();
                    Affiliation a = x.name().equals("aff") ? aff() : firstAff();
                    affiliations.add(a);
                    if (!hasId) {
                        // an aff in a contrib-group that no xref can point to belongs to the whole group
                        groupAffs.add(a.id());
                    }
                }
                default -> x.skip();
            }
        }
        for (ContribBuilder c : group) {
            if (c.affiliationIds.isEmpty()) {
                c.affiliationIds.addAll(groupAffs);
            }
        }
        contributors.addAll(group);
    }

    private ContribBuilder contrib() {
        ContribBuilder c = new ContribBuilder();
        String type = x.attr("contrib-type");
        c.role = type == null || type.isBlank() ? "author" : type.strip();
        c.corresponding = "yes".equals(x.attr("corresp"));
        c.equalContribution = "yes".equals(x.attr("equal-contrib"));
        c.deceased = "yes".equals(x.attr("deceased"));
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "name" -> {
                    if (c.surname == null && c.givenNames == null) {
                        name(c);
                    } else {
                        x.skip();
                    }
                }
                case "name-alternatives" -> {
                    int da = x.depth();
                    while (x.nextChild(da)) {
                        if (!x.isText()) {
                            if ((x.name().equals("name") || x.name().equals("string-name")) && c.surname == null
                                    && c.givenNames == null) {
                                name(c);
                            } else {
                                x.skip();
                            }
                        }
                    }
                }
                case "string-name" -> name(c);
                case "collab" -> c.collab = c.collab == null ? collab() : skipped(c.collab);
                case "collab-alternatives" -> {
                    int da = x.depth();
                    while (x.nextChild(da)) {
                        if (!x.isText()) {
                            if (x.name().equals("collab") && c.collab == null) {
                                c.collab = collab();
                            } else {
                                x.skip();
                            }
                        }
                    }
                }
                case "contrib-id" -> {
                    String idType = x.attr("contrib-id-type");
                    String v = x.text();
                    if (c.orcid == null && ("orcid".equalsIgnoreCase(idType) || v.contains("orcid.org"))) {
                        c.orcid = Text.orcid(v);
                    }
                }
                case "email" -> {
                    String v = x.text();
                    if (c.email == null && !v.isEmpty()) {
                        c.email = v;
                    }
                }
                case "address" -> {
                    int da = x.depth();
                    while (x.nextChild(da)) {
                        if (!x.isText()) {
                            if (x.name().equals("email") && c.email == null) {
                                c.email = blankToNull(x.text());
                            } else {
                                x.skip();
                            }
                        }
                    }
                }
                case "xref" -> {
                    String refType = x.attr("ref-type");
                    String rid = x.attr("rid");
                    x.skip();
                    if (rid == null || refType == null) {
                        continue;
                    }
                    for (String r : tokens(rid)) {
                        switch (refType) {
                            case "aff" -> addOnce(c.affiliationIds, r);
                            case "corresp" -> {
                                addOnce(c.noteIds, r);
                                c.corresponding = true;
                            }
                            case "fn", "author-notes" -> addOnce(c.noteIds, r);
                            default -> {
                            }
                        }
                    }
                }
                case "aff" -> {
                    lastAffEmail = null;
                    Affiliation a = aff();
                    affiliations.add(a);
                    addOnce(c.affiliationIds, a.id());
                    if (c.email == null) {
                        c.email = lastAffEmail; // eLife puts an Insight author's email in the aff
                    }
                }
                case "aff-alternatives" -> {
                    Affiliation a = firstAff();
                    affiliations.add(a);
                    addOnce(c.affiliationIds, a.id());
                }
                default -> x.skip();
            }
        }
        return c;
    }

    /** The space-separated ids of an IDREFS attribute such as rid. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(2);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Text.isXmlSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Text.isXmlSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** name or string-name: the tagged parts, or for an untagged string-name the whole text as the surname. */
    private void name(ContribBuilder c) {
        StringBuilder loose = new StringBuilder();
        boolean tagged = false;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                x.appendText(loose);
                continue;
            }
            switch (x.name()) {
                case "surname" -> {
                    c.surname = blankToNull(x.text());
                    tagged = true;
                }
                case "given-names" -> {
                    c.givenNames = blankToNull(x.text());
                    tagged = true;
                }
                case "prefix" -> c.prefix = blankToNull(x.text());
                case "suffix" -> c.suffix = blankToNull(x.text());
                default -> loose.append(' ').append(x.text()).append(' ');
            }
        }
        if (!tagged) {
            c.surname = blankToNull(Text.normalize(loose));
        }
    }

    /** A group's name: its text without the nested contrib-group that lists its members. */
    private String collab() {
        StringBuilder sb = new StringBuilder();
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                x.appendText(sb);
                continue;
            }
            switch (x.name()) {
                case "contrib-group", "xref", "fn", "aff", "address", "email" -> x.skip();
                default -> x.appendTextContent(sb);
            }
        }
        return blankToNull(Text.normalize(sb));
    }

    private Affiliation firstAff() {
        Affiliation first = null;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (!x.isText()) {
                if (first == null && x.name().equals("aff")) {
                    first = aff();
                } else {
                    x.skip();
                }
            }
        }
        return first != null ? first : new Affiliation("recto-aff-" + (++generatedAffs), null, "", null, List.of(),
                null, null);
    }

    private Affiliation aff() {
        String id = x.attr("id");
        if (id == null || id.isBlank()) {
            id = "recto-aff-" + (++generatedAffs);
        }
        AffBuilder a = new AffBuilder();
        affContent(a);
        String institution = a.institution != null ? a.institution : a.anyInstitution;
        String text = stripPunctuation(Text.normalize(a.text).replace(" ,", ","));
        return new Affiliation(id.strip(), a.label, text, institution, a.ids,
                a.address.isEmpty() ? null : String.join(", ", a.address), a.country);
    }

    private void affContent(AffBuilder a) {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                x.appendText(a.text);
                continue;
            }
            switch (x.name()) {
                case "label" -> {
                    String l = x.text();
                    if (a.label == null && !l.isEmpty()) {
                        a.label = l;
                    }
                }
                case "institution" -> {
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
                case "institution-wrap" -> affContent(a);
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
                case "named-content" -> {
                    String contentType = x.attr("content-type");
                    String v = x.text();
                    a.part(v);
                    if (!v.isEmpty() && contentType != null && (contentType.equals("city")
                            || contentType.equals("state") || contentType.equals("postal-code")
                            || contentType.equals("street") || contentType.startsWith("addr"))) {
                        a.address.add(v);
                    }
                }
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
                    if (lastAffEmail == null && HtmlRenderer.isEmail(v)) {
                        lastAffEmail = v;
                    }
                }
                case "xref", "fn" -> x.skip();
                default -> x.appendTextContent(a.text);
            }
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

    // ---------------------------------------------------------------- author notes

    private void authorNotes() {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "corresp" -> correspondence();
                case "fn" -> {
                    String id = blankToNull(x.attr("id"));
                    String type = blankToNull(x.attr("fn-type"));
                    String[] labelAndHtml = labelled(null);
                    authorNotes.add(new AuthorNote(id, "fn", type, labelAndHtml[0], labelAndHtml[1], null));
                    if (id != null && type != null) {
                        fnTypes.put(id, type);
                    }
                }
                case "p" -> {
                    Out sb = scratch.borrowOut();
                    String h;
                    try {
                        html.element(sb);
                        h = HtmlRenderer.trim(sb);
                    } finally {
                        scratch.releaseOut();
                    }
                    if (!h.isEmpty()) {
                        authorNotes.add(new AuthorNote(null, "fn", null, null, h, null));
                    }
                }
                default -> x.skip();
            }
        }
    }

    private void correspondence() {
        String id = blankToNull(x.attr("id"));
        List<String> emails = new ArrayList<>();
        String[] labelAndHtml = labelled(emails);
        authorNotes.add(new AuthorNote(id, "corresp", null, labelAndHtml[0], labelAndHtml[1],
                emails.isEmpty() ? null : emails.get(0)));
        if (id != null) {
            correspEmailCount.put(id, emails.size());
        }
    }

    /** The label (plain) and the rest (HTML) of a note; emails are collected when asked. */
    private String[] labelled(List<String> emails) {
        String label = null;
        Out sb = scratch.borrowOut();
        try {
            return labelledInto(sb, emails);
        } finally {
            scratch.releaseOut();
        }
    }

    private String[] labelledInto(Out sb, List<String> emails) {
        String label = null;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                html.text(sb);
            } else if (x.name().equals("label") && label == null) {
                label = blankToNull(x.text());
            } else if (x.name().equals("email") && emails != null) {
                String e = x.text();
                boolean address = HtmlRenderer.isEmail(e);
                if (address) {
                    emails.add(e);
                }
                HtmlRenderer.linkOrText(sb, address ? "mailto:" + e : null, e);
            } else {
                html.element(sb);
            }
        }
        return new String[] {label, HtmlRenderer.trim(sb)};
    }

    // ---------------------------------------------------------------- dates, permissions, links, abstracts, keywords

    private PubDate pubDate() {
        String type = blankToNull(x.attr("pub-type"));
        if (type == null) {
            type = blankToNull(x.attr("date-type"));
        }
        String format = blankToNull(x.attr("publication-format"));
        Integer year = null;
        Integer month = null;
        Integer day = null;
        String season = null;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "year" -> year = number(x.text());
                case "month" -> month = month(x.text());
                case "day" -> day = number(x.text());
                case "season" -> season = blankToNull(x.text());
                default -> x.skip();
            }
        }
        if (month != null && (month < 1 || month > 12)) {
            month = null;
        }
        if (day != null && (day < 1 || day > 31)) {
            day = null;
        }
        return new PubDate(type, format, year, month, day, season);
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

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

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

    private void permissions() {
        String statement = permissions.copyrightStatement();
        String year = permissions.copyrightYear();
        String holder = permissions.copyrightHolder();
        String url = permissions.licenseUrl();
        StringBuilder licence = new StringBuilder(permissions.licenseHtml() == null ? "" : permissions.licenseHtml());
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "copyright-statement" -> statement = statement == null ? blankToNull(x.text()) : skipped(statement);
                case "copyright-year" -> year = year == null ? blankToNull(x.text()) : skipped(year);
                case "copyright-holder" -> holder = holder == null ? blankToNull(x.text()) : skipped(holder);
                case "license_ref" -> url = url == null ? Permissions.webUrl(x.text()) : skipped(url);
                case "license" -> {
                    String href = Permissions.webUrl(x.attr("href")); // only http(s) licences leave the reader
                    if (url == null && href != null) {
                        url = href;
                    }
                    int dl = x.depth();
                    while (x.nextChild(dl)) {
                        if (x.isText()) {
                            continue;
                        }
                        switch (x.name()) {
                            case "license-p" -> {
                                String p = html.block();
                                if (!p.isEmpty()) {
                                    licence.append("<p>").append(p).append("</p>");
                                }
                            }
                            case "license_ref" -> url = url == null ? Permissions.webUrl(x.text()) : skipped(url);
                            default -> x.skip();
                        }
                    }
                }
                default -> x.skip();
            }
        }
        permissions = new Permissions(statement, year, holder, url, licence.isEmpty() ? null : licence.toString());
    }

    private RelatedArticle relatedArticle() {
        String type = blankToNull(x.attr("related-article-type"));
        String href = blankToNull(x.attr("href"));
        String linkType = blankToNull(x.attr("ext-link-type"));
        x.skip();
        String target = null;
        if (href != null) {
            String d = Text.doi(href);
            // a DOI when the link says so (ext-link-type="doi") or when the target is one behind a resolver prefix
            if (Text.looksLikeDoi(d)) {
                target = d;
            }
        }
        return new RelatedArticle(type, target, href == null ? null : href.strip(), linkType);
    }

    private Abstract abstractElement() {
        String type = blankToNull(x.attr("abstract-type"));
        Out sb = scratch.borrowOut();
        try {
            return abstractInto(sb, type);
        } finally {
            scratch.releaseOut();
        }
    }

    private Abstract abstractInto(Out sb, String type) {
        String title = null;
        boolean structured = false;
        html.mode = HtmlRenderer.Mode.OTHER;
        html.headingBase = 3;
        html.secDepth = 0;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (!x.isWhitespace()) {
                    html.text(sb);
                }
                continue;
            }
            switch (x.name()) {
                case "title" -> {
                    if (title == null) {
                        title = blankToNull(x.text());
                    } else {
                        html.element(sb);
                    }
                }
                case "object-id", "label" -> x.skip();
                case "sec" -> {
                    structured = true;
                    html.element(sb);
                }
                default -> html.element(sb);
            }
        }
        return new Abstract(type, title, HtmlRenderer.trim(sb), structured);
    }

    private KeywordGroup keywordGroup() {
        String type = blankToNull(x.attr("kwd-group-type"));
        String title = null;
        List<String> keywords = new ArrayList<>();
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "title" -> title = title == null ? blankToNull(x.text()) : skipped(title);
                case "kwd", "compound-kwd" -> {
                    String k = x.text();
                    if (!k.isEmpty()) {
                        keywords.add(k);
                    }
                }
                case "nested-kwd" -> {
                    int dn = x.depth();
                    while (x.nextChild(dn)) {
                        if (!x.isText()) {
                            String k = x.text();
                            if (!k.isEmpty()) {
                                keywords.add(k);
                            }
                        }
                    }
                }
                default -> x.skip();
            }
        }
        return new KeywordGroup(type, title, keywords);
    }

    // ---------------------------------------------------------------- body and back

    private void body() {
        hasBody = true;
        html.mode = HtmlRenderer.Mode.BODY;
        html.sections = outline;
        html.countFloats = true;
        html.headingBase = 2;
        html.secDepth = 0;
        try {
            html.flowBlocks(bodyHtml);
        } finally {
            html.mode = HtmlRenderer.Mode.OTHER;
            html.sections = null;
            html.countFloats = false;
        }
    }

    private void back() {
        html.mode = HtmlRenderer.Mode.BACK;
        html.headingBase = 3;
        html.secDepth = 0;
        Out discard = new Out(16);
        try {
            int d = x.depth();
            while (x.nextChild(d)) {
                if (x.isText()) {
                    continue;
                }
                switch (x.name()) {
                    case "ack" -> acknowledgements();
                    case "ref-list" -> refs.refList();
                    case "fn-group", "fn" -> html.element(discard);
                    case "app-group" -> {
                        int dg = x.depth();
                        while (x.nextChild(dg)) {
                            if (!x.isText()) {
                                if (x.name().equals("title") || x.name().equals("label")) {
                                    x.skip();
                                } else {
                                    appendix();
                                }
                            }
                        }
                    }
                    default -> appendix(); // app, sec, notes, glossary, bio, …: nothing is dropped
                }
            }
        } finally {
            html.mode = HtmlRenderer.Mode.OTHER;
        }
    }

    private void acknowledgements() {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (!x.isWhitespace()) {
                    html.text(ackHtml);
                }
            } else if (x.name().equals("title")) {
                x.skip(); // the page gives the heading
            } else {
                html.element(ackHtml);
            }
        }
        String trimmed = HtmlRenderer.trim(ackHtml);
        ackHtml.setLength(0);
        ackHtml.append(trimmed);
    }

    private void appendix() {
        String id = blankToNull(x.attr("id"));
        Out sb = scratch.borrowOut();
        try {
            appendixInto(sb, id);
        } finally {
            scratch.releaseOut();
        }
    }

    private void appendixInto(Out sb, String id) {
        String label = null;
        String title = null;
        html.secDepth = 0;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (!x.isWhitespace()) {
                    html.text(sb);
                }
                continue;
            }
            switch (x.name()) {
                case "label" -> label = label == null ? blankToNull(html.inline()) : label;
                case "title" -> {
                    if (title == null) {
                        title = blankToNull(html.inline());
                    } else {
                        html.element(sb);
                    }
                }
                default -> html.element(sb);
            }
        }
        String content = HtmlRenderer.trim(sb);
        if (content.isEmpty()) {
            return; // e.g. "Additional information", whose footnotes have become notes
        }
        String heading = label != null && title != null ? label + " " + title : title != null ? title : label;
        appendices.add(new BackMatter.Appendix(id, heading, content));
    }

    // ---------------------------------------------------------------- sink

    @Override
    public void note(String id, String labelHtml, String noteHtml, String fnType) {
        String nid = blankToNull(id);
        String label = labelHtml == null ? null : blankToNull(Text.htmlToText(labelHtml));
        notes.add(new Note(nid, label, noteHtml, Text.htmlToText(noteHtml)));
        if (nid != null && fnType != null) {
            fnTypes.putIfAbsent(nid, fnType);
        }
    }

    @Override
    public void refList() {
        refs.refList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- builders

    private static final class ContribBuilder {
        String role;
        String surname;
        String givenNames;
        String prefix;
        String suffix;
        String collab;
        String orcid;
        String email;
        final List<String> affiliationIds = new ArrayList<>();
        final List<String> noteIds = new ArrayList<>();
        boolean corresponding;
        boolean equalContribution;
        boolean deceased;

        Contributor build() {
            return new Contributor(role, surname, givenNames, prefix, suffix, collab, orcid, email, affiliationIds,
                    noteIds, corresponding, equalContribution, deceased);
        }
    }

    private static final class AffBuilder {
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
