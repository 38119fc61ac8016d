package org.recto.interop.oai;


import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.KeywordGroup;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.recto.interop.internal.XmlOut;

/** An article as unqualified Dublin Core ({@code oai_dc}): the fifteen elements, as far as the article fills them. */
final class DublinCore {

    static final String PREFIX = "oai_dc";
    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private DublinCore() {
    }

    static void write(XmlOut xml, Article a, String landingPage) {
        xml.start("oai_dc:dc", NAMESPACE).declare("dc", DC)
                .declare("xsi", "http://www.w3.org/2001/XMLSchema-instance")
                .attr("xsi:schemaLocation", NAMESPACE + " " + SCHEMA);
        xml.element("dc:title", a.titleText());
        for (Contributor c : a.authors()) {
            xml.element("dc:creator", c.invertedName());
        }
        for (KeywordGroup g : a.keywordGroups()) {
            g.keywords().forEach(k -> xml.element("dc:subject", k));
        }
        a.abstracts().stream().filter(x -> x.type() == null).findFirst()
                .ifPresent(x -> xml.element("dc:description", Html.toText(x.html())));
        xml.element("dc:publisher", a.journal().publisher());
        for (Contributor c : a.contributors()) {
            if (!"author".equals(c.role())) {
                xml.element("dc:contributor", c.invertedName());
            }
        }
        PubDate date = a.publicationDate();
        if (date != null) {
            xml.element("dc:date", date.iso());
        }
        xml.element("dc:type", "Text");
        xml.element("dc:type", a.articleType());
        xml.element("dc:format", "text/html");
        xml.element("dc:identifier", "https://doi.org/" + a.doi());
        xml.element("dc:identifier", landingPage);
        xml.element("dc:source", source(a));
        if (a.journal().issnElectronic() != null) {
            xml.element("dc:source", "urn:ISSN:" + a.journal().issnElectronic());
        } else if (a.journal().issnPrint() != null) {
            xml.element("dc:source", "urn:ISSN:" + a.journal().issnPrint());
        }
        xml.element("dc:language", a.language());
        for (RelatedArticle r : a.relatedArticles()) {
            if (r.doi() != null) {
                xml.element("dc:relation", "https://doi.org/" + r.doi());
            }
        }
        if (a.permissions() != null) {
            xml.element("dc:rights", a.permissions().licenseUrl());
            xml.element("dc:rights", a.permissions().copyrightStatement());
        }
        xml.end();
    }

    /** "Journal Title, 44(1), 101–127": where the article was published, as a bibliographic citation. */
    private static String source(Article a) {
        StringBuilder s = new StringBuilder(a.journal().title() == null ? "" : a.journal().title());
        if (a.volume() != null) {
            s.append(", ").append(a.volume());
            if (a.issue() != null) {
                s.append('(').append(a.issue()).append(')');
            }
        }
        String pages = a.firstPage() == null ? a.elocationId()
                : a.lastPage() == null ? a.firstPage() : a.firstPage() + "–" + a.lastPage();
        if (pages != null) {
            s.append(", ").append(pages);
        }
        return s.toString();
    }
}
