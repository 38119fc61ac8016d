package org.recto.ingest;

import java.util.List;

import org.recto.article.ArticleStore;
import org.recto.jats.JatsProblem;

/**
 * What became of one JATS document: stored (as which version), or refused with every problem found.
 * Warnings do not stop an import: a package that lacks some of the files its XML names is stored, and says so.
 */
public record IngestResult(String source, String doi, int version, ArticleStore.Outcome outcome, List<JatsProblem> problems,
        List<String> warnings) {

    public IngestResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public static IngestResult stored(String source, ArticleStore.SaveResult saved) {
        return stored(source, saved, List.of());
    }

    public static IngestResult stored(String source, ArticleStore.SaveResult saved, List<String> warnings) {
        return new IngestResult(source, saved.doi(), saved.version(), saved.outcome(), List.of(), warnings);
    }

    public static IngestResult failed(String source, List<JatsProblem> problems) {
        return new IngestResult(source, null, 0, null, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
