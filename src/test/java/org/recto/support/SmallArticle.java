package org.recto.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small JATS article written by a test, for the cases the shared fixtures do not hold. */
public final class SmallArticle {

    private String doi = "10.5555/recto.small.1";
    private String title = "A small article";
    private String volume = "1";
    private String issue = "1";
    private String articleType = "research-article";
    private String journalMeta = journalMeta("SMALL", "Journal of Small Articles", "0000-0035", null);
    private String body = "<p>Body text.</p>";
    private String back = "";
    private final List<String> related = new ArrayList<>();

    public SmallArticle doi(String doi) {
        this.doi = doi;
        return this;
    }

    public SmallArticle title(String title) {
        this.title = title;
        return this;
    }

    public SmallArticle issue(String volume, String issue) {
        this.volume = volume;
        this.issue = issue;
        return this;
    }

    public SmallArticle type(String articleType) {
        this.articleType = articleType;
        return this;
    }

    public SmallArticle body(String body) {
        this.body = body;
        return this;
    }

    /** The content of {@code back}, such as a {@code ref-list}. */
    public SmallArticle back(String back) {
        this.back = back;
        return this;
    }

    /** The {@code journal-meta} element whole. */
    public SmallArticle journalMetaXml(String xml) {
        this.journalMeta = xml;
        return this;
    }

    public SmallArticle related(String type, String doi) {
        related.add("<related-article related-article-type=\"" + type + "\" ext-link-type=\"doi\" xlink:href=\""
                + escape(doi) + "\" id=\"ra" + (related.size() + 1) + "\"/>");
        return this;
    }

    public static String journalMeta(String publisherId, String title, String issnPrint, String issnElectronic) {
        return "<journal-meta><journal-id journal-id-type=\"publisher-id\">" + escape(publisherId) + "</journal-id>"
                + "<journal-title-group><journal-title>" + escape(title) + "</journal-title></journal-title-group>"
                + (issnPrint == null ? "" : "<issn pub-type=\"ppub\">" + issnPrint + "</issn>")
                + (issnElectronic == null ? "" : "<issn pub-type=\"epub\">" + issnElectronic + "</issn>")
                + "<publisher><publisher-name>Recto Test Press</publisher-name></publisher></journal-meta>";
    }

    public String xml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="%s" dtd-version="1.3" xml:lang="en">
                  <front>
                    %s
                    <article-meta>
                      <article-id pub-id-type="doi">%s</article-id>
                      <title-group><article-title>%s</article-title></title-group>
                      <contrib-group><contrib contrib-type="author"><name><surname>Author</surname><given-names>Ann</given-names></name></contrib></contrib-group>
                      <pub-date publication-format="electronic" date-type="pub"><day>2</day><month>3</month><year>2020</year></pub-date>
                      <volume>%s</volume>
                      <issue>%s</issue>
                      %s
                      <abstract><p>An abstract.</p></abstract>
                    </article-meta>
                  </front>
                  <body>%s</body>
                  <back>%s</back>
                </article>
                """.formatted(articleType, journalMeta, escape(doi), title, escape(volume), escape(issue),
                String.join("", related), body, back);
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
