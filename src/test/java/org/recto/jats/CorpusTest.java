package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.KeywordGroup;
import org.recto.article.Reference;
import org.recto.article.RelatedArticle;
import org.recto.article.SubjectGroup;
import org.recto.support.SharedData;

/**
 * Every file of the shared corpus (1,156 eLife and PLOS articles) reads, and what the reader finds
 * agrees with counts made here independently (a plain StAX walk with an element stack) and with
 * the corpus manifest. One pass over the corpus.
 */
class CorpusTest {

    private static final Path SHARED = SharedData.dir();

    /** The reader's HTML vocabulary: tags and, per tag, the attributes it may carry. */
    private static final Set<String> HTML_TAGS = Set.of("p", "section", "h2", "h3", "h4", "h5", "h6", "i", "b",
            "sup", "sub", "span", "code", "u", "s", "a", "br", "hr", "ul", "ol", "li", "figure", "figcaption", "img",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "blockquote", "aside", "div", "pre", "dl", "dt",
            "dd");
    private static final Set<String> HTML_ATTRIBUTES = Set.of("id", "class", "href", "src", "alt", "colspan", "rowspan");

    @Test
    void everyFileReadsAndAgreesWithIndependentCountsAndTheManifest() throws Exception {
        Map<String, String[]> manifest = tsv(SHARED.resolve("corpus/manifest.tsv"));
        Map<String, List<String[]>> links = new HashMap<>();
        for (String[] row : rows(SHARED.resolve("corpus/related-links.tsv"))) {
            links.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(SHARED.resolve("corpus/jats"))) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSize(1156);
        assertThat(manifest).hasSize(1156);

        JatsReader reader = new JatsReader();
        XMLInputFactory plain = XMLInputFactory.newDefaultFactory();
        plain.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<String> failures = new ArrayList<>();
        long refs = 0;
        long rawTexts = 0;
        int checkedHtml = 0;
        long readNanos = 0;
        long countNanos = 0;
        long htmlNanos = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            byte[] xml = Files.readAllBytes(file);
            Article a;
            long t0 = System.nanoTime();
            try {
                a = reader.read(xml, name);
            } catch (JatsException e) {
                failures.add(e.getMessage());
                continue;
            }
            long t1 = System.nanoTime();
            Counts c = count(plain, xml);
            long t2 = System.nanoTime();
            readNanos += t1 - t0;
            countNanos += t2 - t1;
            String[] m = manifest.get(name);
            check(failures, name, "DOI (independent)", c.doi, a.doi());
            check(failures, name, "DOI (manifest)", m[2], a.doi());
            check(failures, name, "article type (independent)", c.articleType, a.articleType());
            check(failures, name, "article type (manifest)", m[3], a.articleType());
            check(failures, name, "refs (independent)", c.refs, a.back().references().size());
            check(failures, name, "refs (manifest)", Integer.parseInt(m[6]), a.back().references().size());
            check(failures, name, "contributors", c.contribs, a.contributors().size());
            check(failures, name, "body sections", c.secs, a.body().sections().size());
            check(failures, name, "figures", c.figs, a.body().figureCount());
            check(failures, name, "tables", c.tables, a.body().tableCount());
            check(failures, name, "title (manifest)", m[13], a.titleText());
            check(failures, name, "abstract (manifest)", m[9], a.abstracts().isEmpty() ? "no" : "yes");
            check(failures, name, "keywords (manifest)", Integer.parseInt(m[10]),
                    a.keywordGroups().stream().mapToInt(g -> g.keywords().size()).sum());
            check(failures, name, "subjects (manifest)", m[11], String.join(";",
                    a.subjectGroups().stream().flatMap(g -> g.subjects().stream()).toList()));
            if (m[4].startsWith("http")) {
                check(failures, name, "licence (manifest)", m[4], a.permissions().licenseUrl());
            }
            check(failures, name, "mixed citations (manifest)", Integer.parseInt(m[7]), c.mixed);
            List<String> expectedLinks = links.getOrDefault(name, List.of()).stream()
                    .map(r -> r[2] + " " + r[3]).toList();
            check(failures, name, "related articles (related-links.tsv)", expectedLinks,
                    a.relatedArticles().stream().map(r -> r.type() + " " + r.href()).toList());
            for (RelatedArticle r : a.relatedArticles()) {
                if (r.doi() == null || !r.href().endsWith(r.doi())) {
                    failures.add(name + ": related article without its DOI: " + r);
                }
            }
            for (Reference r : a.back().references()) {
                refs++;
                if (r.rawText() != null && !r.rawText().isBlank()) {
                    rawTexts++;
                }
                if (r.citationKind() == null) {
                    failures.add(name + ": reference without citation " + r.id());
                }
            }
            for (Contributor ct : a.contributors()) {
                if (ct.displayName().isBlank()) {
                    failures.add(name + ": contributor without a name " + ct);
                }
            }
            for (KeywordGroup g : a.keywordGroups()) {
                if (g.keywords().stream().anyMatch(String::isBlank)) {
                    failures.add(name + ": empty keyword in " + g);
                }
            }
            for (SubjectGroup g : a.subjectGroups()) {
                if (g.subjects().isEmpty()) {
                    failures.add(name + ": empty subject group");
                }
            }
            if (i % 10 == 0) {
                checkedHtml++;
                long t3 = System.nanoTime();
                vocabulary(failures, name, a);
                htmlNanos += System.nanoTime() - t3;
            }
        }
        System.out.printf("corpus: read %d ms, independent count %d ms, HTML check %d ms%n", readNanos / 1000000,
                countNanos / 1000000, htmlNanos / 1000000);
        assertThat(failures).isEmpty();
        assertThat(refs).isEqualTo(manifest.values().stream().mapToLong(m -> Long.parseLong(m[6])).sum());
        assertThat(rawTexts).isEqualTo(refs);
        assertThat(checkedHtml).isGreaterThan(100);
    }

    private static void check(List<String> failures, String file, String what, Object expected, Object actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            failures.add(file + ": " + what + ": expected " + expected + ", read " + actual);
        }
    }

    /** Every HTML field uses only the reader's own tags and attributes, and no link but http(s), mailto or #. */
    private static void vocabulary(List<String> failures, String file, Article a) {
        List<String> fragments = new ArrayList<>();
        fragments.add(a.titleHtml());
        fragments.add(a.body().html());
        a.abstracts().forEach(x -> fragments.add(x.html()));
        a.authorNotes().forEach(x -> fragments.add(x.html()));
        a.back().notes().forEach(x -> fragments.add(x.html()));
        a.back().appendices().forEach(x -> fragments.add(x.html()));
        fragments.add(a.back().acknowledgementsHtml());
        fragments.add(a.permissions().licenseHtml());
        for (String html : fragments) {
            if (html == null) {
                continue;
            }
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                String tag = e.tagName();
                if (tag.equals("body")) {
                    continue;
                }
                boolean math = e.closest("math") != null;
                if (!math && !HTML_TAGS.contains(tag)) {
                    failures.add(file + ": unexpected tag <" + tag + ">");
                }
                for (Attribute at : e.attributes()) {
                    String n = at.getKey();
                    if (n.startsWith("on") || n.equals("style") || (!math && !HTML_ATTRIBUTES.contains(n))) {
                        failures.add(file + ": unexpected attribute " + n + " on <" + tag + ">");
                    }
                    // An image may name a file of the article's package ("elife00003f001"); the page places it.
                    boolean packageFile = tag.equals("img") && n.equals("src") && at.getValue().matches("[A-Za-z0-9][A-Za-z0-9._-]*");
                    if ((n.equals("href") || n.equals("src")) && !packageFile && !(at.getValue().startsWith("http://")
                            || at.getValue().startsWith("https://") || at.getValue().startsWith("mailto:")
                            || at.getValue().startsWith("#"))) {
                        failures.add(file + ": unexpected link target " + at.getValue());
                    }
                }
            }
        }
    }

    /** What this test counts itself, with a plain StAX walk: a second opinion on the reader. */
    private static final class Counts {
        String doi;
        String articleType;
        int refs;
        int contribs;
        int secs;
        int figs;
        int tables;
        int mixed;
    }

    private static Counts count(XMLInputFactory factory, byte[] xml) throws Exception {
        Counts c = new Counts();
        XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        String[] stack = new String[512];
        int depth = -1;
        boolean inDoi = false;
        StringBuilder doi = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                stack[++depth] = n;
                if (depth == 0) {
                    c.articleType = r.getAttributeValue(null, "article-type");
                }
                String top = depth >= 1 ? stack[1] : "";
                switch (n) {
                    case "ref" -> c.refs += top.equals("back") ? 1 : 0;
                    case "mixed-citation" -> c.mixed += top.equals("back") ? 1 : 0;
                    case "sec" -> c.secs += top.equals("body") ? 1 : 0;
                    case "fig" -> c.figs += top.equals("body") ? 1 : 0;
                    case "table-wrap" -> c.tables += top.equals("body") ? 1 : 0;
                    case "contrib" -> c.contribs += depth == 4 && stack[3].equals("contrib-group")
                            && stack[2].equals("article-meta") && stack[1].equals("front") ? 1 : 0;
                    case "article-id" -> inDoi = c.doi == null && depth == 3 && stack[2].equals("article-meta")
                            && "doi".equals(r.getAttributeValue(null, "pub-id-type"));
                    default -> {
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (inDoi) {
                    c.doi = doi.toString().strip();
                    inDoi = false;
                }
                depth--;
            } else if (inDoi && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA)) {
                doi.append(r.getText());
            }
        }
        return c;
    }

    private static Map<String, String[]> tsv(Path path) throws IOException {
        Map<String, String[]> map = new HashMap<>();
        for (String[] row : rows(path)) {
            map.put(row[0], row);
        }
        return map;
    }

    private static List<String[]> rows(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
    }
}
