package org.recto.delivery.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.recto.article.StoredArticle;
import org.recto.formats.FormatKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * One send to the reader's Dropbox or Drive with this session's connection: a fresh access token (refreshed when
 * it has expired, or when the provider answers 401), then each format uploaded and counted. A connection that no
 * longer works is deleted, and the caller sends the reader to authorise again.
 */
@Component
public class CloudSender {

    private static final Logger log = LoggerFactory.getLogger(CloudSender.class);

    private final CloudTokens tokens;
    private final OAuthClients oauth;
    private final DropboxUploader dropbox;
    private final DriveUploader drive;
    private final SendableArticle articles;
    private final SendUsage usage;

    public CloudSender(CloudTokens tokens, OAuthClients oauth, DropboxUploader dropbox, DriveUploader drive,
                       SendableArticle articles, SendUsage usage) {
        this.tokens = tokens;
        this.oauth = oauth;
        this.dropbox = dropbox;
        this.drive = drive;
        this.articles = articles;
        this.usage = usage;
    }

    /** How a send ended: sent (what), refused (why), or the reader must authorise Recto first. */
    public record Outcome(boolean needsAuthorization, String sent, String error, String retryAfter) {
        Outcome withRetry(String seconds) {
            return new Outcome(needsAuthorization, sent, error, seconds);
        }

        static Outcome authorize() {
            return new Outcome(true, null, null, null);
        }
    }

    public Outcome send(HttpServletRequest request, CloudProvider provider, StoredArticle stored, List<FormatKind> kinds) {
        HttpSession session = request.getSession(true);
        Optional<CloudTokens.Tokens> found = tokens.find(session, provider);
        if (found.isEmpty()) {
            return Outcome.authorize();
        }
        List<String> sent = new java.util.ArrayList<>();
        CloudTokens.Tokens current = found.get();
        for (FormatKind kind : kinds) {
            try {
                current = upload(session, provider, current, stored, kind);
                usage.sent(stored.article().doi(), kind, request);
                sent.add(SendableArticle.fileName(stored, kind));
            } catch (OAuth2AuthorizationException e) {
                log.info("The {} connection no longer works ({}); the reader authorises again", provider.title(), e.getError().getErrorCode());
                tokens.delete(session, provider);
                return sent.isEmpty() ? Outcome.authorize() : partly(sent, provider, "your connection to " + provider.title() + " ended");
            } catch (UploadRefused e) {
                log.info("{} refused an upload: {}", provider.title(), e.getMessage());
                return partly(sent, provider, explain(e, provider)).withRetry(e.retryAfter());
            } catch (IOException e) {
                return partly(sent, provider, "the " + kind + " of this article could not be made (" + e.getMessage() + ")");
            }
        }
        return new Outcome(false, "Sent to your " + provider.title() + ": " + String.join(", ", sent) + ".", null, null);
    }

    /** Uploads, refreshing the access token first if it has expired and once more if the provider says 401. */
    private CloudTokens.Tokens upload(HttpSession session, CloudProvider provider, CloudTokens.Tokens current,
                                      StoredArticle stored, FormatKind kind) throws UploadRefused, IOException {
        if (!oauth.fresh(current)) {
            current = refreshed(session, provider, current);
        }
        Path file = articles.file(stored, kind);
        try {
            put(provider, current, file, stored, kind);
        } catch (UploadRefused e) {
            if (e.reason() != UploadRefused.Reason.EXPIRED_TOKEN) {
                throw e;
            }
            current = refreshed(session, provider, current);
            try {
                put(provider, current, file, stored, kind);
            } catch (UploadRefused again) {
                if (again.reason() == UploadRefused.Reason.EXPIRED_TOKEN) {
                    throw new OAuth2AuthorizationException(new org.springframework.security.oauth2.core.OAuth2Error(
                            "invalid_token", "refused after a refresh", null));
                }
                throw again;
            }
        }
        return current;
    }

    private CloudTokens.Tokens refreshed(HttpSession session, CloudProvider provider, CloudTokens.Tokens current) {
        CloudTokens.Tokens next = oauth.refresh(provider, current);
        tokens.save(session, provider, next);
        return next;
    }

    private void put(CloudProvider provider, CloudTokens.Tokens current, Path file, StoredArticle stored, FormatKind kind)
            throws UploadRefused, IOException {
        String name = SendableArticle.fileName(stored, kind);
        if (provider == CloudProvider.DROPBOX) {
            dropbox.upload(current.accessToken(), file, name);
        } else {
            drive.upload(current.accessToken(), file, name, kind);
        }
    }

    private static String explain(UploadRefused e, CloudProvider provider) {
        return switch (e.reason()) {
            case QUOTA -> "your " + provider.title() + " is full; make room there and send again";
            case RATE_LIMITED -> provider.title() + " asks us to slow down; please try again "
                    + (e.retryAfter() == null ? "in a minute" : "in " + e.retryAfter() + " seconds");
            case CONFLICT -> "a file of that name is in the way in your " + provider.title() + "; rename or move it and send again";
            case EXPIRED_TOKEN -> "your connection to " + provider.title() + " ended; send again to reconnect";
            case OTHER -> provider.title() + " did not take the file; please try again later";
        };
    }

    private static Outcome partly(List<String> sent, CloudProvider provider, String why) {
        String error = (sent.isEmpty() ? "Nothing was sent: " : "Sent " + String.join(", ", sent) + ", but not the rest: ") + why + ".";
        return new Outcome(false, null, error, null);
    }
}
