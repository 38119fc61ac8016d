package org.recto.attention.internal;

import java.util.List;
import java.util.Locale;

import org.recto.article.DoiChunks;
import org.recto.attention.Mention;
import org.recto.attention.MentionsRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Where mentions come in (the admin API and the import command): stored once each, announced when new. */
@Service
public class MentionIntake {

    private final MentionStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    MentionIntake(MentionStore store, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.store = store;
        this.events = events;
        this.transaction = transaction;
    }

    /** What happened to a batch: how many mentions it held and how many were new. */
    public record Outcome(int received, int added) {
    }

    public Outcome record(List<Mention> mentions) {
        // One transaction: the mentions and the announcement that pages must show them commit together.
        return transaction.execute(status -> {
            List<Mention> added = store.add(mentions);
            List<String> dois = added.stream().map(m -> m.doi().toLowerCase(Locale.ROOT)).distinct().toList();
            if (!dois.isEmpty()) {
                DoiChunks.of(dois).forEach(chunk -> events.publishEvent(new MentionsRecorded(chunk)));
            }
            return new Outcome(mentions.size(), added.size());
        });
    }
}
