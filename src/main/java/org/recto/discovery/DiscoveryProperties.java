package org.recto.discovery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search and related content ({@code recto.discovery.*}).
 *
 * @param indexDir        where this node keeps its Lucene index (derived data: rebuilt from the store when missing)
 * @param maxQueryLength  the longest query read, in characters; a longer one is refused with a plain answer
 * @param searchTimeout   how long one search may run before it answers with what it found so far
 * @param syncInterval    how often a node compares its index with the store (versions published through other nodes)
 * @param similarArticles how many similar articles are kept and shown for each article
 * @param concepts        how many concepts are kept and shown for each article
 * @param neighbourDelay  how long publishing must be quiet before the neighbours of new articles get their similar
 *                        articles computed again (in the background; a new article's own list is computed at once)
 */
@ConfigurationProperties("recto.discovery")
public record DiscoveryProperties(Path indexDir,
                                  @DefaultValue("500") int maxQueryLength,
                                  @DefaultValue("2s") Duration searchTimeout,
                                  @DefaultValue("30s") Duration syncInterval,
                                  @DefaultValue("5") int similarArticles,
                                  @DefaultValue("8") int concepts,
                                  @DefaultValue("1s") Duration neighbourDelay) {
}
