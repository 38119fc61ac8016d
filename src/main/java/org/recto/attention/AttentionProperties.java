package org.recto.attention;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The attention score ({@code recto.attention.*}).
 *
 * @param weights what one counted mention of each source adds to the score; a mention of a source not listed
 *                here is refused
 */
@ConfigurationProperties("recto.attention")
public record AttentionProperties(Map<String, BigDecimal> weights) {

    public AttentionProperties {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }
}
