package org.recto.formats.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.formats.FormatKind;
import org.recto.formats.internal.FormatFiles;
import org.recto.formats.internal.FormatUnavailableException;
import org.recto.usage.UsageAction;
import org.recto.web.DoiRequest;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /doi/{doi}/pdf} and {@code /doi/{doi}/epub} (and {@code ?version=N}): the stored file, made on this
 * request if the background queue has not made it yet. A download that carries the file's start (whole, or
 * a range from byte 0) is a COUNTER Request; the further ranges a PDF viewer asks for are not counted again.
 */
@Component
class FormatDownloads {

    private final ArticleCatalog catalog;
    private final FormatFiles files;
    private final Readers readers;
    private final Messages messages;
    /**
     * The version a download path names, for two seconds: reading the whole version from the store cost each
     * download more than sending its bytes. A version published on another node shows within that time, as
     * its pages do within the invalidation poll.
     */
    private final Cache<String, StoredArticle> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(2)).maximumSize(512).build();

    FormatDownloads(ArticleCatalog catalog, FormatFiles files, Readers readers, Messages messages) {
        this.catalog = catalog;
        this.files = files;
        this.readers = readers;
        this.messages = messages;
    }

    void pdf(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(doi, FormatKind.PDF, UsageAction.PDF, request, response);
    }

    void epub(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(doi, FormatKind.EPUB, UsageAction.EPUB, request, response);
    }

    private void send(DoiRequest doi, FormatKind kind, UsageAction action, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        String key = doi.doi().toLowerCase(Locale.ROOT) + "#" + request.getParameter("version");
        // One read per path when the entry expires, not one per download in flight at that moment.
        StoredArticle stored = recent.get(key, k -> Articles.find(catalog, doi, request));
        Path file;
        try {
            file = files.obtain(stored, kind);
        } catch (FormatUnavailableException e) {
            String html = Articles.pagePath(stored) + "/full";
            messages.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The " + kind + " could not be made",
                    "The " + kind + " of this article could not be made (" + e.getMessage() + "). The article itself is fine: read it as HTML.",
                    Map.of("Read the article as HTML", html + Articles.versionQuery(stored)));
            return;
        }
        String name = Articles.fileName(stored) + "." + kind.extension();
        FileResponses.Sent sent = FileResponses.send(file, kind.mediaType(), name, request, response);
        boolean counted = sent == FileResponses.Sent.WHOLE || sent == FileResponses.Sent.PART_FROM_START
                || sent == FileResponses.Sent.NOT_MODIFIED;
        if (counted) {
            readers.did(stored.article().doi(), action, request);
        }
    }
}
