package org.recto.site.web;

import org.recto.interop.PublicLinks;
import org.recto.site.SiteProperties;
import org.springframework.stereotype.Component;

/** The site's paths for the machine interfaces, so that feeds, sitemaps and deposits link exactly as the pages do. */
@Component
class SitePublicLinks implements PublicLinks {

    private final SiteProperties site;

    SitePublicLinks(SiteProperties site) {
        this.site = site;
    }

    @Override
    public String siteName() {
        return site.name();
    }

    @Override
    public String absolute(String path) {
        return site.absolute(path);
    }

    @Override
    public String article(String doi) {
        return Paths.article(doi);
    }

    @Override
    public String journal(String key) {
        return Paths.journal(key);
    }

    @Override
    public String issue(String journalKey, String volume, String issue) {
        return Paths.issue(journalKey, volume, issue);
    }
}
