package org.recto.site.web;

import java.util.List;

/**
 * Everything the landing page and the full-text page show, prepared for the templates: HTML fields
 * are already sanitised, text fields are escaped by the template.
 */
public record ArticlePage(
        String doi,
        String path,
        int version,
        int latestVersion,
        String articleTypeLabel,
        String titleHtml,
        String titleText,
        String subtitleHtml,
        List<AuthorView> authors,
        List<AffiliationView> affiliations,
        List<NoticeView> notices,
        List<AbstractView> abstracts,
        List<String> keywords,
        List<String> subjects,
        JournalLine journal,
        List<DateView> dates,
        String doiUrl,
        String copyright,
        String licenseUrl,
        String licenseHtml,
        List<CorrespondenceView> correspondence,
        List<NoteView> notes,
        List<ReferenceView> references,
        List<LinkView> citedBy,
        List<LinkView> relatedArticles,
        List<SectionView> sections,
        String bodyHtml,
        String acknowledgementsHtml,
        List<AppendixView> appendices,
        List<MetaTag> metaTags,
        String jsonLd) {

    /**
     * The absolute address of this page for {@code rel=canonical}: the landing page's
     * {@code citation_abstract_html_url} (made from the base URL) and the suffix ("" or "/full").
     */
    public String canonicalUrl(String suffix) {
        return metaTags.stream().filter(t -> t.name().equals("citation_abstract_html_url")).map(MetaTag::content)
                .findFirst().orElse(path) + suffix;
    }

    public boolean isLatest() {
        return version == latestVersion;
    }

    public boolean hasFullText() {
        return bodyHtml != null && !bodyHtml.isBlank();
    }

    /** An author: name, ORCID, and the markers pointing at affiliations and notes. */
    public record AuthorView(String name, String orcid, List<Marker> markers, boolean corresponding,
                             boolean equalContribution, boolean deceased, String email) {
    }

    /** A superscript marker beside a name, linking to what it marks. */
    public record Marker(String label, String href, String description) {
    }

    public record AffiliationView(String anchor, String label, String text, List<LinkView> ids) {
    }

    /** A notice shown under the title: a correction, a retraction, an expression of concern. */
    public record NoticeView(String kind, String message, String linkText, String href) {
    }

    public record AbstractView(String heading, String html) {
    }

    public record JournalLine(String title, String href, String volume, String issue, String issueHref,
                              String pages, String year, String issn) {
    }

    public record DateView(String label, String iso, String display) {
    }

    public record CorrespondenceView(String anchor, String label, String html, String email) {
    }

    public record NoteView(String anchor, String label, String html) {
    }

    public record ReferenceView(String anchor, String label, String html) {
    }

    public record LinkView(String text, String href) {
    }

    public record SectionView(String anchor, String titleHtml, int depth) {
    }

    public record AppendixView(String anchor, String titleHtml, String html) {
    }

    public record MetaTag(String name, String content) {
    }
}
