package org.recto.delivery.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recto.article.StoredArticle;
import org.recto.delivery.internal.CloudProvider;
import org.recto.delivery.internal.CloudSender;
import org.recto.delivery.internal.CloudTokens;
import org.recto.delivery.internal.OAuthClients;
import org.recto.delivery.internal.PendingSend;
import org.recto.delivery.internal.Revocations;
import org.recto.delivery.internal.SendLimits;
import org.recto.delivery.internal.SendableArticle;
import org.recto.formats.FormatKind;
import org.recto.web.DoiRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * {@code /doi/{doi}/send/dropbox} and {@code /send/google-drive}: the form (GET), and the send or the disconnect
 * (POST, same path). The first send of a session goes to the provider to authorise Recto and finishes when the
 * reader comes back ({@link AuthorizationReturn}).
 */
@Component
class CloudSendPage {

    /** The session attribute with the outcome of the send that finished after authorisation, shown once. */
    static String outcomeAttribute(CloudProvider provider) {
        return CloudSendPage.class.getName() + ".outcome." + provider.name();
    }

    private final SendableArticle articles;
    private final OAuthClients oauth;
    private final CloudTokens tokens;
    private final CloudSender sender;
    private final Revocations revocations;
    private final SendLimits limits;
    private final SendPageResponses pages;

    CloudSendPage(SendableArticle articles, OAuthClients oauth, CloudTokens tokens, CloudSender sender,
                  Revocations revocations, SendLimits limits, SendPageResponses pages) {
        this.articles = articles;
        this.oauth = oauth;
        this.tokens = tokens;
        this.sender = sender;
        this.revocations = revocations;
        this.limits = limits;
        this.pages = pages;
    }

    void dropbox(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(CloudProvider.DROPBOX, doi, request, response);
    }

    void googleDrive(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(CloudProvider.GOOGLE_DRIVE, doi, request, response);
    }

    private void handle(CloudProvider provider, DoiRequest doi, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StoredArticle stored = articles.find(doi, request);
        if (!"POST".equals(request.getMethod())) {
            HttpSession session = request.getSession(false);
            String[] outcome = session == null ? null : (String[]) session.getAttribute(outcomeAttribute(provider));
            if (outcome != null) {
                session.removeAttribute(outcomeAttribute(provider));
            }
            show(provider, stored, request, response, 200, outcome == null ? null : outcome[1], outcome == null ? null : outcome[0]);
            return;
        }
        if (!oauth.configured(provider)) {
            show(provider, stored, request, response, 503, "Sending to " + provider.title() + " is not configured on this site.", null);
            return;
        }
        if ("disconnect".equals(request.getParameter("intent"))) {
            revocations.disconnect(request.getSession(true), provider);
            show(provider, stored, request, response, 200, null, "Recto is no longer connected to your " + provider.title()
                    + "; its access was revoked and deleted.");
            return;
        }
        List<FormatKind> kinds = new ArrayList<>();
        String[] chosen = request.getParameterValues("format");
        for (String f : chosen == null ? new String[0] : chosen) {
            kinds.add(switch (f) {
                case "pdf" -> FormatKind.PDF;
                case "epub" -> FormatKind.EPUB;
                default -> null;
            });
        }
        if (kinds.isEmpty() || kinds.contains(null)) {
            show(provider, stored, request, response, 400, "Choose one or more formats: PDF, EPUB.", null);
            return;
        }
        if (!"yes".equals(request.getParameter("consent"))) {
            show(provider, stored, request, response, 400, "Please confirm that you agree to the usage policy.", null);
            return;
        }
        Optional<String> limited = limits.take(request.getRemoteAddr(), SendPageResponses.session(request), null);
        if (limited.isPresent()) {
            show(provider, stored, request, response, 429, limited.get(), null);
            return;
        }
        kinds = kinds.stream().distinct().toList();
        CloudSender.Outcome outcome = sender.send(request, provider, stored, kinds);
        if (outcome.needsAuthorization()) {
            var authorization = oauth.authorizationRequest(provider);
            request.getSession(true).setAttribute(PendingSend.attribute(provider), new PendingSend(stored.article().doi(),
                    stored.isLatest() ? null : stored.version(), kinds, authorization));
            response.setStatus(303);
            response.setHeader("Location", authorization.getAuthorizationRequestUri());
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        if (outcome.retryAfter() != null) {
            response.setHeader("Retry-After", outcome.retryAfter());
        }
        show(provider, stored, request, response, outcome.error() == null ? 200 : 502, outcome.error(), outcome.sent());
    }

    private void show(CloudProvider provider, StoredArticle stored, HttpServletRequest request, HttpServletResponse response,
                      int status, String error, String sent) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", new CloudForm(provider.title(), provider.slug(), provider.help(), stored.article().titleText(),
                SendableArticle.pagePath(stored), stored.isLatest() ? null : stored.version(), articles.formats(stored),
                oauth.configured(provider), tokens.connected(request.getSession(false), provider),
                SendPageResponses.csrf(request), error, sent));
        pages.render(response, status, "delivery/cloud.jte", model);
    }
}
