package org.recto.delivery.internal;

import java.io.Serializable;
import java.util.List;

import org.recto.formats.FormatKind;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * A send waiting for the reader to authorise Recto, kept in the browser session: the article, the formats chosen,
 * and the authorization request whose {@code state} and PKCE verifier the provider's redirect must match.
 *
 * @param version null for the latest version
 */
public record PendingSend(String doi, Integer version, List<FormatKind> kinds, OAuth2AuthorizationRequest authorization)
        implements Serializable {

    /** The session attribute that holds the pending send of one provider (one at a time per provider). */
    public static String attribute(CloudProvider provider) {
        return PendingSend.class.getName() + "." + provider.name();
    }
}
