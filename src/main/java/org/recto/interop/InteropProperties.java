package org.recto.interop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The machine interfaces ({@code recto.interop.*}).
 *
 * @param oaiAdminEmail       the OAI-PMH repository's administrator, as Identify names them
 * @param oaiPageSize         records (or headers) per OAI-PMH list response before a resumption token
 * @param oaiTokenLifetime    how long a resumption token is honoured
 * @param depositorName       the Crossref depositor's name (the {@code head} of a deposit)
 * @param depositorEmail      where Crossref sends the deposit's outcome
 * @param registrant          the organisation registering the DOIs
 * @param crossmarkPolicy     the DOI of the publisher's Crossmark update policy page; empty: no Crossmark
 * @param crossmarkDomain     the domain Crossmark is shown on; empty: the host of the site's base URL
 * @param feedEntries         articles per Atom feed
 */
@ConfigurationProperties("recto.interop")
public record InteropProperties(@DefaultValue("oai-admin@example.org") String oaiAdminEmail,
                                @DefaultValue("100") int oaiPageSize,
                                @DefaultValue("24h") Duration oaiTokenLifetime,
                                @DefaultValue("Recto") String depositorName,
                                @DefaultValue("crossref@example.org") String depositorEmail,
                                @DefaultValue("Recto") String registrant,
                                @DefaultValue("") String crossmarkPolicy,
                                @DefaultValue("") String crossmarkDomain,
                                @DefaultValue("20") int feedEntries) {

    public InteropProperties {
        if (oaiPageSize < 1 || oaiPageSize > 1000) {
            throw new IllegalArgumentException("recto.interop.oai-page-size must be between 1 and 1000, not " + oaiPageSize);
        }
        if (feedEntries < 1 || feedEntries > 500) {
            throw new IllegalArgumentException("recto.interop.feed-entries must be between 1 and 500, not " + feedEntries);
        }
        if (crossmarkPolicy != null && !crossmarkPolicy.isBlank() && !crossmarkPolicy.strip().matches("10\\.[0-9]{4,9}/.{1,200}")) {
            throw new IllegalArgumentException("recto.interop.crossmark-policy (RECTO_CROSSMARK_POLICY) must be a DOI such as "
                    + "10.5555/crossmark-policy, not '" + crossmarkPolicy + "'");
        }
    }

    public boolean crossmark() {
        return crossmarkPolicy != null && !crossmarkPolicy.isBlank();
    }
}
