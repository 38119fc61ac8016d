package org.recto.ingest;

import java.sql.SQLException;
import java.util.List;

import java.util.Set;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one JATS document: read it and store it as one transaction (the store announces it). A document that
 * cannot be read or stored leaves nothing behind and comes back with its problems.
 */
@Service
public class JatsIngest {

    private static final Logger log = LoggerFactory.getLogger(JatsIngest.class);

    private final JatsReader reader;
    private final ArticleStore store;
    private final TransactionTemplate transaction;

    JatsIngest(JatsReader reader, ArticleStore store, TransactionTemplate transaction) {
        this.reader = reader;
        this.store = store;
        this.transaction = transaction;
    }

    public IngestResult ingest(byte[] xml, String source) {
        return ingestPackage(xml, source, List.of());
    }

    /**
     * Imports a JATS package: the article's XML with its files, stored in the same transaction. Files the XML
     * names but the package lacks are warnings (a real package can be incomplete), not failures.
     */
    public IngestResult ingestPackage(byte[] xml, String source, List<ArticleFile> files) {
        Article article;
        try {
            article = reader.read(xml, source);
        } catch (JatsException e) {
            return IngestResult.failed(source, e.problems());
        }
        var tooLong = FieldLengths.tooLong(article);
        if (tooLong.isPresent()) {
            return IngestResult.failed(source, List.of(new JatsProblem(source, 0, 0, tooLong.get())));
        }
        try {
            ArticleStore.SaveResult saved;
            try {
                saved = store(article, xml, source, files);
            } catch (DuplicateKeyException e) {
                // Another import committed the same journal, issue or DOI a moment ago (parallel
                // imports); now that its rows are visible, a second attempt finds and uses them.
                saved = store(article, xml, source, files);
            }
            return IngestResult.stored(source, saved, files.isEmpty() ? List.of() : missingFiles(xml, files));
        } catch (DataAccessException e) {
            log.warn("Could not store {} ({})", source, article.doi(), e);
            String message = FieldLengths.TOO_LONG_STATE.equals(sqlState(e)) ? FieldLengths.refusedByTheStore(article.doi())
                    : "the article " + article.doi() + " could not be stored because the database refused it;"
                            + " the server's log has the details (" + e.getClass().getSimpleName() + ")";
            return IngestResult.failed(source, List.of(new JatsProblem(source, 0, 0, message)));
        }
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
