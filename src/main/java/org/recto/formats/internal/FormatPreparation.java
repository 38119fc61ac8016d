package org.recto.formats.internal;

import org.recto.article.ArticlePublished;
import org.recto.formats.FormatsProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a version is published its PDF and EPUB are queued to be made in the background (never inside the
 * import, which only waits for this listener to queue them). Articles it links to (the article a correction
 * corrects) show a new notice on their first page, so their files are made again; a reindex makes them all
 * again, in case the layout changed.
 */
@Component
class FormatPreparation {

    private final FormatFiles files;
    private final FormatsProperties props;

    FormatPreparation(FormatFiles files, FormatsProperties props) {
        this.files = files;
        this.props = props;
    }

    @ApplicationModuleListener
    void on(ArticlePublished published) {
        if (published.reindex()) {
            files.drop(published.doi(), published.version());
        }
        published.linkedDois().forEach(files::drop);
        if (props.prepare()) {
            files.prepare(published.doi(), published.version());
        }
    }
}
