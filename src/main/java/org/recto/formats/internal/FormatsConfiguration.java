package org.recto.formats.internal;

import java.time.Clock;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleFiles;

import com.openhtmltopdf.util.XRLog;
import org.recto.formats.FormatsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class FormatsConfiguration {

    @Bean(destroyMethod = "close")
    FormatFiles formatFiles(FormatsProperties props, ArticleCatalog catalog, ArticleFiles files, ApplicationEventPublisher events,
                            TransactionTemplate tx, ObjectProvider<Clock> clock) {
        // openhtmltopdf logs every font it loads to stderr through java.util.logging; failures are logged here, with the DOI.
        XRLog.setLoggingEnabled(false);
        return new FormatFiles(props, catalog, files, events, tx, clock.getIfAvailable(Clock::systemUTC));
    }
}
