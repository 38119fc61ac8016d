package org.recto.delivery.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.recto.delivery.DeliveryProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Rate limits on sends, each a count per fixed window from the first send: per client address, per browser
 * session and per Kindle address. Kept in memory per node; behind N nodes a spammer gets at most N times the limit,
 * which is still far below what would make the feature worth abusing.
 */
@Component
public class SendLimits {

    private final DeliveryProperties.Limits limits;
    private final Cache<String, AtomicInteger> counts;

    public SendLimits(DeliveryProperties props) {
        this.limits = props.limits();
        this.counts = Caffeine.newBuilder().expireAfterWrite(limits.window()).maximumSize(100_000).build();
    }

    /**
     * Counts one send, unless a limit is reached: then nothing is counted and the reason is returned.
     *
     * @param kindle the Kindle address, or null for a send to the reader's own Dropbox or Drive
     */
    public synchronized Optional<String> take(String client, String session, String kindle) {
        if (reached("client:" + client, limits.perClient()) || reached("session:" + session, limits.perSession())) {
            return Optional.of("You have sent many articles in a short time; please wait a while and try again.");
        }
        if (kindle != null && reached("kindle:" + kindle, limits.perKindleAddress())) {
            return Optional.of("Many articles have been sent to this Kindle address in a short time; please wait a while and try again.");
        }
        count("client:" + client);
        count("session:" + session);
        if (kindle != null) {
            count("kindle:" + kindle);
        }
        return Optional.empty();
    }

    private boolean reached(String key, int limit) {
        AtomicInteger n = counts.getIfPresent(key);
        return n != null && n.get() >= limit;
    }

    private void count(String key) {
        counts.get(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
