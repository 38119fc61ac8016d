package org.recto.ingest;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.recto.article.Article;
import org.recto.article.ArticleFile;
import org.recto.ingest.internal.JatsPackage;
import org.recto.article.ArticleStore;
import org.recto.jats.JatsException;
import org.recto.jats.JatsProblem;
import org.recto.ingest.internal.FieldLengths;
import org.recto.jats.JatsReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one JATS document: read it and store it as one transaction (the store announces it). A document that
 * cannot be read or stored leaves nothing behind and comes back with its problems.
 */
@Service
public class JatsIngest {

    private static final Logger log = LoggerFactory.getLogger(JatsIngest.class);
    /** Enough for a handful of writers meeting on the same rows; a store that refuses this often is refusing. */
    private static final int STORE_ATTEMPTS = 8;

    private final JatsReader reader;
    private final ArticleStore store;
    private final TransactionTemplate transaction;

    JatsIngest(JatsReader reader, ArticleStore store, TransactionTemplate transaction) {
        this.reader = reader;
        this.store = store;
        this.transaction = transaction;
    }

    /** The largest document the import takes: the reader's own limit ({@code recto.jats.max-bytes}), bound once. */
    public long maxBytes() {
        return reader.maxBytes();
    }

    public IngestResult ingest(byte[] xml, String source) {
        return ingestPackage(xml, source, List.of());
    }

    /**
     * Imports a JATS package: the article's XML with its files, stored in the same transaction. Files the XML
     * names but the package lacks are warnings (a real package can be incomplete), not failures.
     */
    public IngestResult ingestPackage(byte[] xml, String source, List<ArticleFile> files) {
        ReadDocument read = read(xml, source, files);
        return read.failure() != null ? read.failure() : storeOne(read);
    }

    /**
     * The first half of an import, which needs no database: the document read into the article model and checked,
     * or its problems. Thread-safe, so that several documents are read at once while others are stored.
     */
    public ReadDocument read(byte[] xml, String source, List<ArticleFile> files) {
        Article article;
        try {
            article = reader.read(xml, source);
        } catch (JatsException e) {
            return new ReadDocument(source, xml, files, null, IngestResult.failed(source, e.problems()));
        }
        var tooLong = FieldLengths.tooLong(article);
        if (tooLong.isPresent()) {
            return new ReadDocument(source, xml, files, null,
                    IngestResult.failed(source, List.of(new JatsProblem(source, 0, 0, tooLong.get()))));
        }
        return new ReadDocument(source, xml, files, article, null);
    }

    /**
     * The second half: stores the documents read (those that could not be read come back as they are) in one
     * transaction. If the database refuses any of them the batch is rolled back and each is stored again on its
     * own, so one bad document costs only itself: nothing of it is stored, and the others are.
     */
    public List<IngestResult> storeAll(List<ReadDocument> documents) {
        List<ReadDocument> readable = documents.stream().filter(d -> d.failure() == null).toList();
        if (readable.size() > 1) {
            try {
                List<ArticleStore.SaveResult> saved = transaction.execute(status -> store.saveAll(readable.stream()
                        .map(d -> new ArticleStore.Draft(d.article(), d.xml(), d.source(), d.files())).toList()));
                Iterator<ArticleStore.SaveResult> next = saved.iterator();
                return documents.stream().map(d -> d.failure() != null ? d.failure() : stored(d, next.next())).toList();
            } catch (RuntimeException e) {
                log.debug("A batch of {} could not be stored together; storing each on its own", readable.size(), e);
            }
        }
        return documents.stream().map(d -> d.failure() != null ? d.failure() : storeOne(d)).toList();
    }

    private IngestResult storeOne(ReadDocument d) {
        Article article = d.article();
        try {
            return stored(d, storeRetrying(d));
        } catch (DataAccessException e) {
            log.warn("Could not store {} ({})", d.source(), article.doi(), e);
            String message = FieldLengths.TOO_LONG_STATE.equals(sqlState(e)) ? FieldLengths.refusedByTheStore(article.doi())
                    : "the article " + article.doi() + " could not be stored because the database refused it;"
                            + " the server's log has the details (" + e.getClass().getSimpleName() + ")";
            return IngestResult.failed(d.source(), List.of(new JatsProblem(d.source(), 0, 0, message)));
        }
    }

    /**
     * Another import may have committed the same journal, issue or DOI a moment ago (parallel imports, or two
     * versions posted at once), or held its rows while this one waited for them (a lock timeout or a deadlock
     * victim): once its rows are visible, another attempt finds and uses them, or takes the next version number.
     */
    private ArticleStore.SaveResult storeRetrying(ReadDocument d) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store(d.article(), d.xml(), d.source(), d.files());
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                if (attempt == STORE_ATTEMPTS) {
                    throw e;
                }
                log.debug("Storing {} met another import's rows (attempt {}); trying again", d.source(), attempt, e);
                pause(attempt);
            }
        }
    }

    /** A short wait that grows, with jitter, so that writers who met each other do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing", e);
        }
    }

    private static IngestResult stored(ReadDocument d, ArticleStore.SaveResult saved) {
        return IngestResult.stored(d.source(), saved, d.files().isEmpty() ? List.of() : missingFiles(d.xml(), d.files()));
    }

    private ArticleStore.SaveResult store(Article article, byte[] xml, String source, List<ArticleFile> files) {
        // The store announces the version (ArticlePublished) inside this transaction.
        return transaction.execute(status -> store.save(article, xml, source, files));
    }

    private static List<String> missingFiles(byte[] xml, List<ArticleFile> files) {
        Set<String> present = files.stream().map(ArticleFile::name).collect(Collectors.toSet());
        return JatsPackage.references(xml).stream().filter(name -> !present.contains(name))
                .map(name -> name + ": the XML refers to this file but the package does not hold it")
                .toList();
    }

    /** The SQLSTATE of the database's refusal, or null. */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
