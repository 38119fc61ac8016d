package org.recto.delivery.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recto.article.StoredArticle;
import org.recto.delivery.DeliveryProperties;
import org.recto.delivery.internal.KindleAddress;
import org.recto.delivery.internal.KindleMailer;
import org.recto.delivery.internal.SendLimits;
import org.recto.delivery.internal.SendUsage;
import org.recto.delivery.internal.SendableArticle;
import org.recto.formats.FormatKind;
import org.recto.web.DoiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /doi/{doi}/send/kindle}: the form (GET) and the send (POST, same path). Every refusal says what to change;
 * a send is checked in this order: configured, the address, the format, consent, the limits, the size.
 */
@Component
class KindleSendPage {

    private static final Logger log = LoggerFactory.getLogger(KindleSendPage.class);

    private final DeliveryProperties props;
    private final SendableArticle articles;
    private final KindleMailer mailer;
    private final SendLimits limits;
    private final SendUsage usage;
    private final SendPageResponses pages;

    KindleSendPage(DeliveryProperties props, SendableArticle articles, KindleMailer mailer, SendLimits limits,
                   SendUsage usage, SendPageResponses pages) {
        this.props = props;
        this.articles = articles;
        this.mailer = mailer;
        this.limits = limits;
        this.usage = usage;
        this.pages = pages;
    }

    void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredArticle stored = articles.find(doi, request);
        if (!"POST".equals(request.getMethod())) {
            show(stored, request, response, 200, null, null);
            return;
        }
        if (!props.kindleConfigured()) {
            show(stored, request, response, 503, "Sending to Kindle is not configured on this site.", null);
            return;
        }
        KindleAddress to;
        FormatKind kind;
        try {
            to = KindleAddress.of(request.getParameter("name"), request.getParameter("domain"));
            kind = format(request.getParameter("format"));
        } catch (IllegalArgumentException e) {
            show(stored, request, response, 400, e.getMessage(), null);
            return;
        }
        if (!"yes".equals(request.getParameter("consent"))) {
            show(stored, request, response, 400, "Please confirm that you agree to the usage policy.", null);
            return;
        }
        Optional<String> limited = limits.take(request.getRemoteAddr(), SendPageResponses.session(request), to.email());
        if (limited.isPresent()) {
            response.setHeader("Retry-After", Long.toString(props.limits().window().toSeconds()));
            show(stored, request, response, 429, limited.get(), null);
            return;
        }
        send(stored, to, kind, request, response);
    }

    private void send(StoredArticle stored, KindleAddress to, FormatKind kind, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        Path file;
        try {
            file = articles.file(stored, kind);
        } catch (IOException e) {
            show(stored, request, response, 503, "The " + kind + " of this article could not be made (" + e.getMessage() + ").", null);
            return;
        }
        long size = SendableArticle.size(file);
        if (size > props.maxKindleSize().toBytes()) {
            show(stored, request, response, 413, "The " + kind + " of this article is " + human(size) + ", more than the "
                    + human(props.maxKindleSize().toBytes()) + " that can be e-mailed to a Kindle; download it instead.", null);
            return;
        }
        try {
            mailer.send(to, stored.article().titleText(), file, SendableArticle.fileName(stored, kind), kind);
        } catch (MailException | IllegalStateException e) {
            log.warn("Sending {} to a Kindle failed: {}", stored.article().doi(), e.getMessage());
            show(stored, request, response, 502, "The mail server did not take the message; please try again later.", null);
            return;
        }
        usage.sent(stored.article().doi(), kind, request);
        show(stored, request, response, 200, null, "The " + kind + " has been sent to " + to.email()
                + ". It appears on your Kindle once Amazon has delivered it, usually within minutes.");
    }

    /** In the units the limit is configured in (50MB is 50 × 1024 × 1024 bytes), so that it reads back as set. */
    private static String human(long bytes) {
        return bytes >= 1 << 20 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20))
                : Math.max(1, bytes >> 10) + " kB";
    }

    private static FormatKind format(String field) {
        if ("epub".equals(field)) {
            return FormatKind.EPUB;
        }
        if ("pdf".equals(field)) {
            return FormatKind.PDF;
        }
        throw new IllegalArgumentException("Choose EPUB or PDF (Amazon no longer takes MOBI).");
    }

    private void show(StoredArticle stored, HttpServletRequest request, HttpServletResponse response, int status,
                      String error, String sent) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", new KindleForm(stored.article().titleText(), SendableArticle.pagePath(stored),
                stored.isLatest() ? null : stored.version(), articles.formats(stored), props.kindleConfigured(),
                props.mailFrom(), SendPageResponses.csrf(request), value(request, "name"),
                request.getParameter("domain") == null ? "kindle.com" : request.getParameter("domain"),
                request.getParameter("format") == null ? "epub" : request.getParameter("format"), error, sent));
        pages.render(response, status, "delivery/kindle.jte", model);
    }

    private static String value(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }
}
