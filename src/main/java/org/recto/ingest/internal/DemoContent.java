package org.recto.ingest.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;

import org.recto.article.ArticleCatalog;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the demo journal ({@code classpath:demo/*.xml}) the first time the site starts with an empty
 * store, so that the run command shows a living site. Off with {@code RECTO_DEMO=false}; never in
 * batch commands.
 */
@Component
@Profile("!batch")
@ConditionalOnProperty(name = "recto.demo.enabled", havingValue = "true")
class DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final ArticleCatalog catalog;
    private final JatsIngest ingest;

    DemoContent(ArticleCatalog catalog, JatsIngest ingest) {
        this.catalog = catalog;
        this.ingest = ingest;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadIfEmpty() throws IOException {
        if (!catalog.journals().isEmpty()) {
            return;
        }
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.xml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        int loaded = 0;
        for (Resource file : files) {
            IngestResult result = ingest.ingest(file.getContentAsByteArray(), "demo/" + file.getFilename());
            if (result.ok()) {
                loaded++;
            } else {
                log.error("Demo article {} did not import: {}", file.getFilename(), result.problems());
            }
        }
        log.info("Loaded {} demo articles into the empty store", loaded);
    }
}
