package org.recto.jats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JATS reader's setting ({@code recto.jats.*}).
 *
 * @param maxBytes the largest document read, in bytes (50 MB; {@code RECTO_JATS_MAX_BYTES}); a larger one is
 *                 refused before it is parsed
 */
@ConfigurationProperties("recto.jats")
public record JatsProperties(@DefaultValue("" + JatsReader.DEFAULT_MAX_BYTES) long maxBytes) {
}
