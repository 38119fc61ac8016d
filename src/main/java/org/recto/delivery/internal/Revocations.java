package org.recto.delivery.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import jakarta.servlet.http.HttpSession;

/**
 * "Disconnect": the grant revoked at the provider (Dropbox's {@code /2/auth/token/revoke} with the access token,
 * Google's {@code /revoke} with the refresh token, which ends the whole grant), then the stored tokens deleted,
 * whether or not the provider answered.
 */
@Component
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);

    private final CloudTokens tokens;
    private final OAuthClients oauth;
    private final RestClient http = RestClient.create();

    public Revocations(CloudTokens tokens, OAuthClients oauth) {
        this.tokens = tokens;
        this.oauth = oauth;
    }

    public void disconnect(HttpSession session, CloudProvider provider) {
        tokens.find(session, provider).ifPresent(found -> {
            String uri = oauth.settings(provider).revokeUri();
            try {
                if (provider == CloudProvider.DROPBOX) {
                    http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + found.accessToken())
                            .retrieve().toBodilessEntity();
                } else {
                    var form = new LinkedMultiValueMap<String, String>();
                    form.add("token", found.refreshToken());
                    http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                            .retrieve().toBodilessEntity();
                }
            } catch (RestClientException e) {
                // An access token that had already expired cannot revoke; the grant ends with its refresh token unused.
                log.info("{} did not confirm the revocation: {}", provider.title(), e.getMessage());
            }
        });
        tokens.delete(session, provider);
    }
}
