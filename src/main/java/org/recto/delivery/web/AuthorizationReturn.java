package org.recto.delivery.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.delivery.internal.CloudProvider;
import org.recto.delivery.internal.CloudSender;
import org.recto.delivery.internal.CloudTokens;
import org.recto.delivery.internal.OAuthClients;
import org.recto.delivery.internal.PendingSend;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * {@code /send/authorized/{provider}}, the redirect URI registered with Dropbox and Google: the provider's answer
 * is taken only with the {@code state} of the authorization request this browser session started (once: the
 * request is removed on first use, so a replayed code or another session's redirect is refused), the code is
 * exchanged with that request's PKCE verifier, the pending send finishes, and the reader goes back to the send
 * page of the article, a path this site builds from the DOI (never a URL from the request).
 */
@Controller
class AuthorizationReturn {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationReturn.class);

    private final OAuthClients oauth;
    private final CloudTokens tokens;
    private final CloudSender sender;
    private final ArticleCatalog catalog;
    private final SendPageResponses pages;

    AuthorizationReturn(OAuthClients oauth, CloudTokens tokens, CloudSender sender, ArticleCatalog catalog,
                        SendPageResponses pages) {
        this.oauth = oauth;
        this.tokens = tokens;
        this.sender = sender;
        this.catalog = catalog;
        this.pages = pages;
    }

    @GetMapping("/send/authorized/{provider}")
    void authorized(@PathVariable String provider, HttpServletRequest request, HttpServletResponse response) throws IOException {
        CloudProvider cloud = CloudProvider.of(provider).orElse(null);
        if (cloud == null || !oauth.configured(cloud)) {
            refuse(response, 404, "No such service", "This site does not send to “" + provider + "”.");
            return;
        }
        HttpSession session = request.getSession(false);
        PendingSend pending = session == null ? null : (PendingSend) session.getAttribute(PendingSend.attribute(cloud));
        String state = request.getParameter("state");
        if (pending == null || state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.authorization().getState().getBytes(StandardCharsets.UTF_8))) {
            refuse(response, 400, "The authorisation could not be verified", "This answer from " + cloud.title()
                    + " does not belong to a send started in this browser (or it was already used). Nothing was sent; "
                    + "start the send again from the article's page.");
            return;
        }
        session.removeAttribute(PendingSend.attribute(cloud));
        String back = sendPage(pending, cloud);
        String error = request.getParameter("error");
        String code = request.getParameter("code");
        if (error != null || code == null || code.isBlank()) {
            outcome(session, cloud, null, "access_denied".equals(error) ? "You did not authorise Recto at " + cloud.title()
                    + ", so nothing was sent." : cloud.title() + " did not authorise Recto (" + (error == null ? "no code" : error)
                    + "), so nothing was sent.");
            redirect(response, back);
            return;
        }
        try {
            tokens.save(session, cloud, oauth.exchange(cloud, pending.authorization(), code));
        } catch (OAuth2AuthorizationException e) {
            log.info("{} refused the code: {}", cloud.title(), e.getError().getErrorCode());
            outcome(session, cloud, null, cloud.title() + " did not accept the authorisation; nothing was sent. Please try again.");
            redirect(response, back);
            return;
        }
        StoredArticle stored = (pending.version() == null ? catalog.find(pending.doi()) : catalog.find(pending.doi(), pending.version()))
                .orElse(null);
        if (stored == null) {
            refuse(response, 404, "Article not found", "The article " + pending.doi() + " is no longer here; nothing was sent.");
            return;
        }
        CloudSender.Outcome outcome = sender.send(request, cloud, stored, pending.kinds());
        outcome(session, cloud, outcome.sent(), outcome.needsAuthorization()
                ? cloud.title() + " did not let Recto in after all; nothing was sent." : outcome.error());
        redirect(response, back);
    }

    /** The article's send page: a path of this site, made from the DOI the session stored. */
    private static String sendPage(PendingSend pending, CloudProvider cloud) {
        if (!new DoiRequest(pending.doi(), "", DoiRoute.Scope.PAGE).wellFormed()) {
            throw new IllegalStateException("A pending send holds no DOI");
        }
        return DoiRoute.Scope.PAGE.link(pending.doi(), "send/" + cloud.slug())
                + (pending.version() == null ? "" : "?version=" + pending.version());
    }

    private static void outcome(HttpSession session, CloudProvider cloud, String sent, String error) {
        session.setAttribute(CloudSendPage.outcomeAttribute(cloud), new String[] {sent, error});
    }

    private static void redirect(HttpServletResponse response, String path) {
        response.setStatus(303);
        response.setHeader("Location", path);
        response.setHeader("Cache-Control", "no-store");
    }

    private void refuse(HttpServletResponse response, int status, String title, String message) throws IOException {
        pages.render(response, status, "delivery/message.jte", Map.of("title", title, "message", message));
    }
}
