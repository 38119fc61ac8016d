package org.recto.ingest;

import java.util.List;

import org.recto.article.ArticleStore;
import org.recto.jats.JatsProblem;

/** What became of one JATS document: stored (as which version), or refused with every problem found. */
public record IngestResult(String source, String doi, int version, ArticleStore.Outcome outcome, List<JatsProblem> problems) {

    public IngestResult {
        problems = List.copyOf(problems);
    }

    public static IngestResult stored(String source, ArticleStore.SaveResult saved) {
        return new IngestResult(source, saved.doi(), saved.version(), saved.outcome(), List.of());
    }

    public static IngestResult failed(String source, List<JatsProblem> problems) {
        return new IngestResult(source, null, 0, null, problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
