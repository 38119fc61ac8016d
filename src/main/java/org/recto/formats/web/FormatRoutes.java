package org.recto.formats.web;

import org.recto.web.DoiRoute;
import org.recto.web.DoiRoute.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The formats module's contributions to the DOI path registry. */
@Configuration(proxyBeanMethods = false)
class FormatRoutes {

    @Bean
    DoiRoute pdfRoute(FormatDownloads downloads) {
        return DoiRoute.of(Scope.PAGE, "pdf", downloads::pdf);
    }

    @Bean
    DoiRoute epubRoute(FormatDownloads downloads) {
        return DoiRoute.of(Scope.PAGE, "epub", downloads::epub);
    }

    @Bean
    DoiRoute citeRoute(CiteHandler cite) {
        return DoiRoute.of(Scope.PAGE, "cite", cite::handle);
    }
}
