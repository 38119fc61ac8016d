package org.recto.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.recto.delivery.DeliveryProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2.0 side of Dropbox and Google Drive, with Spring Security's OAuth2 client types: the registration
 * (redirect URI fixed by configuration), the authorization request (state and PKCE S256, offline access), and the
 * code and refresh-token grants. Which request belongs to which browser session is the caller's business.
 */
@Component
public class OAuthClients {

    private final DeliveryProperties props;
    private final TokenCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final RestClientAuthorizationCodeTokenResponseClient codes = new RestClientAuthorizationCodeTokenResponseClient();
    private final RestClientRefreshTokenTokenResponseClient refreshes = new RestClientRefreshTokenTokenResponseClient();

    public OAuthClients(DeliveryProperties props, TokenCipher cipher, ObjectProvider<Clock> clock) {
        this.props = props;
        this.cipher = cipher;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether the provider has a client id and stored tokens can be encrypted. */
    public boolean configured(CloudProvider provider) {
        return settings(provider).configured() && cipher.ready();
    }

    public DeliveryProperties.Provider settings(CloudProvider provider) {
        return provider == CloudProvider.DROPBOX ? props.dropbox() : props.gdrive();
    }

    /** The redirect URI registered with the provider: configuration, never the request's own host. */
    public String redirectUri(CloudProvider provider) {
        String base = props.redirectBase().endsWith("/") ? props.redirectBase().substring(0, props.redirectBase().length() - 1)
                : props.redirectBase();
        return base + "/send/authorized/" + provider.slug();
    }

    ClientRegistration registration(CloudProvider provider) {
        DeliveryProperties.Provider p = settings(provider);
        return ClientRegistration.withRegistrationId(provider.slug()).clientId(p.clientId()).clientSecret(p.clientSecret())
                // Dropbox documents HTTP Basic for the app key and secret; Google, the form fields.
                .clientAuthenticationMethod(provider == CloudProvider.DROPBOX ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri(provider))
                .scope(provider == CloudProvider.DROPBOX ? "files.content.write" : "https://www.googleapis.com/auth/drive.file")
                .authorizationUri(p.authorizationUri()).tokenUri(p.tokenUri()).build();
    }

    /** A new authorization request: a fresh state and PKCE verifier, and the provider's offline-access parameter. */
    public OAuth2AuthorizationRequest authorizationRequest(CloudProvider provider) {
        ClientRegistration registration = registration(provider);
        String verifier = randomToken(48);
        Map<String, Object> extra = provider == CloudProvider.DROPBOX
                ? Map.of("token_access_type", "offline")
                // prompt=consent: Google gives a refresh token only on a consent, and a reader may have consented before.
                : Map.of("access_type", "offline", "prompt", "consent", "include_granted_scopes", "false");
        Map<String, Object> pkce = new java.util.HashMap<>(extra);
        pkce.put(PkceParameterNames.CODE_CHALLENGE, s256(verifier));
        pkce.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
        return OAuth2AuthorizationRequest.authorizationCode().authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId()).redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes()).state(randomToken(32)).additionalParameters(pkce)
                .attributes(a -> {
                    a.put(PkceParameterNames.CODE_VERIFIER, verifier);
                    a.put("provider", provider.name());
                }).build();
    }

    /** The code for tokens, with the request's PKCE verifier and redirect URI; {@link OAuth2AuthorizationException} if refused. */
    public CloudTokens.Tokens exchange(CloudProvider provider, OAuth2AuthorizationRequest request, String code) {
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code).state(request.getState())
                .redirectUri(request.getRedirectUri()).build();
        OAuth2AccessTokenResponse tokens = codes.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration(provider),
                new OAuth2AuthorizationExchange(request, response)));
        if (tokens.getRefreshToken() == null) {
            throw new OAuth2AuthorizationException(new org.springframework.security.oauth2.core.OAuth2Error("no_refresh_token",
                    provider.title() + " gave no refresh token (offline access)", null));
        }
        return tokens(tokens, tokens.getRefreshToken().getTokenValue());
    }

    /** A new access token from the refresh token; {@link OAuth2AuthorizationException} when it was revoked or expired. */
    public CloudTokens.Tokens refresh(CloudProvider provider, CloudTokens.Tokens old) {
        Instant now = clock.instant();
        OAuth2AccessToken stale = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                old.accessToken() == null ? "none" : old.accessToken(), now.minusSeconds(7200), now.minusSeconds(3600));
        OAuth2AccessTokenResponse tokens = refreshes.getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration(provider),
                stale, new OAuth2RefreshToken(old.refreshToken(), null)));
        // Dropbox and Google keep the refresh token; a new one, if given, replaces it.
        return tokens(tokens, tokens.getRefreshToken() == null ? old.refreshToken() : tokens.getRefreshToken().getTokenValue());
    }

    /** Whether the access token is still good for a minute more. */
    public boolean fresh(CloudTokens.Tokens tokens) {
        return tokens.accessToken() != null && (tokens.accessExpiresAt() == null
                || tokens.accessExpiresAt().isAfter(clock.instant().plusSeconds(60)));
    }

    private static CloudTokens.Tokens tokens(OAuth2AccessTokenResponse response, String refresh) {
        return new CloudTokens.Tokens(response.getAccessToken().getTokenValue(), response.getAccessToken().getExpiresAt(), refresh);
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
