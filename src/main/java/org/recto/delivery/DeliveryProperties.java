package org.recto.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The delivery module ({@code recto.delivery.*}); the SMTP connection itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param mailHost   the SMTP host ({@code RECTO_MAIL_HOST}); empty: Send to Kindle says it is not configured
 * @param mailFrom   the sender address readers add to their Approved Personal Document E-mail List ({@code RECTO_MAIL_FROM})
 * @param maxKindleSize the largest attachment sent (Amazon takes up to 50 MB per document)
 * @param limits     how many sends are allowed per window, per client address, per session and per Kindle address
 * @param tokenKey   the AES key (Base64, 16 or 32 bytes) that encrypts stored refresh tokens ({@code RECTO_DELIVERY_TOKEN_KEY})
 * @param tokenLifetime how long a connection to Dropbox or Google Drive is kept for a browser session
 * @param redirectBase the public address the providers send the reader back to (the redirect URIs registered with them)
 * @param resumableAbove files larger than this go to Google Drive by resumable upload (Google advises 5 MB)
 * @param dropbox    the Dropbox app
 * @param gdrive     the Google Drive client
 */
@ConfigurationProperties("recto.delivery")
public record DeliveryProperties(@DefaultValue("") String mailHost, @DefaultValue("") String mailFrom,
                                 @DefaultValue("50MB") DataSize maxKindleSize, @DefaultValue Limits limits,
                                 @DefaultValue("") String tokenKey, @DefaultValue("30d") Duration tokenLifetime,
                                 @DefaultValue("http://localhost:8080") String redirectBase,
                                 @DefaultValue("5MB") DataSize resumableAbove,
                                 @DefaultValue Provider dropbox, @DefaultValue Provider gdrive) {

    /** Whether Send to Kindle can send: an SMTP host and a sender address. */
    public boolean kindleConfigured() {
        return !mailHost.isBlank() && !mailFrom.isBlank();
    }

    /**
     * Sends allowed per {@code window}: a reader sends a few articles an hour, a spammer thousands.
     *
     * @param perClient       per client address (an institution's readers may share one)
     * @param perSession      per browser session
     * @param perKindleAddress per Kindle address, whoever sends
     */
    public record Limits(@DefaultValue("1h") Duration window, @DefaultValue("60") int perClient,
                         @DefaultValue("20") int perSession, @DefaultValue("10") int perKindleAddress) {
    }

    /**
     * One OAuth client.
     *
     * @param clientId         empty: the option says it is not configured
     * @param authorizationUri where the reader authorises Recto
     * @param tokenUri         where codes and refresh tokens are exchanged
     * @param contentUri       Dropbox's content host, or Google's upload endpoint
     * @param revokeUri        where a token is revoked on disconnect
     */
    public record Provider(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
                           @DefaultValue("") String authorizationUri, @DefaultValue("") String tokenUri,
                           @DefaultValue("") String contentUri, @DefaultValue("") String revokeUri) {

        public boolean configured() {
            return !clientId.isBlank();
        }
    }
}
