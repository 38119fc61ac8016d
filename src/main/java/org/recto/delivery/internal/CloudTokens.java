package org.recto.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.recto.delivery.DeliveryProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpSession;

/**
 * A browser session's connections to Dropbox and Google Drive. The row's key is the hash of a random value kept
 * only in the session, so another session cannot name it; the tokens are stored encrypted and leave this class
 * only to call the provider.
 */
@Component
public class CloudTokens {

    private static final String SESSION_ATTRIBUTE = CloudTokens.class.getName() + ".key";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final DeliveryProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CloudTokens(JdbcClient jdbc, TokenCipher cipher, DeliveryProperties props, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.props = props;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The tokens as the provider gave them; {@code accessExpiresAt} null when it did not say. */
    public record Tokens(String accessToken, Instant accessExpiresAt, String refreshToken) {
    }

    public Optional<Tokens> find(HttpSession session, CloudProvider provider) {
        Object value = session.getAttribute(SESSION_ATTRIBUTE);
        if (value == null) {
            return Optional.empty();
        }
        String key = hash((String) value);
        Instant oldest = clock.instant().minus(props.tokenLifetime());
        return jdbc.sql("select access_token, access_expires_at, refresh_token from delivery_token "
                        + "where session_key = ? and provider = ? and connected_at > ?")
                .param(key).param(provider.name()).param(Timestamp.from(oldest))
                .query((rs, n) -> {
                    String context = key + "/" + provider.name();
                    String access = rs.getString(1);
                    Timestamp expires = rs.getTimestamp(2);
                    return new Tokens(access == null ? null : cipher.decrypt(access, context),
                            expires == null ? null : expires.toInstant(), cipher.decrypt(rs.getString(3), context));
                }).optional();
    }

    public boolean connected(HttpSession session, CloudProvider provider) {
        return session != null && find(session, provider).isPresent();
    }

    @Transactional
    public void save(HttpSession session, CloudProvider provider, Tokens tokens) {
        Object value = session.getAttribute(SESSION_ATTRIBUTE);
        if (value == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            session.setAttribute(SESSION_ATTRIBUTE, value);
        }
        String key = hash((String) value);
        String context = key + "/" + provider.name();
        Instant now = clock.instant();
        jdbc.sql("delete from delivery_token where connected_at < ?").param(Timestamp.from(now.minus(props.tokenLifetime()))).update();
        jdbc.sql("delete from delivery_token where session_key = ? and provider = ?").param(key).param(provider.name()).update();
        jdbc.sql("insert into delivery_token (session_key, provider, refresh_token, access_token, access_expires_at, connected_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .param(key).param(provider.name()).param(cipher.encrypt(tokens.refreshToken(), context))
                .param(tokens.accessToken() == null ? null : cipher.encrypt(tokens.accessToken(), context))
                .param(tokens.accessExpiresAt() == null ? null : Timestamp.from(tokens.accessExpiresAt()))
                .param(Timestamp.from(now)).update();
    }

    public void delete(HttpSession session, CloudProvider provider) {
        Object value = session.getAttribute(SESSION_ATTRIBUTE);
        if (value != null) {
            jdbc.sql("delete from delivery_token where session_key = ? and provider = ?")
                    .param(hash((String) value)).param(provider.name()).update();
        }
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
