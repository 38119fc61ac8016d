package org.recto.site.web;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleFiles;
import org.recto.web.DoiRoute;
import org.recto.web.DoiRoute.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The site's contributions to the DOI path registry: the landing page, the full text, the package files, the JATS source. */
@Configuration(proxyBeanMethods = false)
class SiteRoutes {

    @Bean
    DoiRoute landingPageRoute(ArticlePageServer pages) {
        return DoiRoute.of(Scope.PAGE, "", pages::landing);
    }

    @Bean
    DoiRoute fullTextRoute(ArticlePageServer pages) {
        return DoiRoute.of(Scope.PAGE, "full", pages::fullText);
    }

    @Bean
    DoiRoute filesRoute(ArticleFiles files) {
        return DoiRoute.withSubPath(Scope.PAGE, "files", new ArticleFileServer(files)::send);
    }

    @Bean
    DoiRoute jatsRoute(ArticleCatalog catalog) {
        return DoiRoute.of(Scope.PAGE, "jats", new JatsSource(catalog)::send);
    }
}
