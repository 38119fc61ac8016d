package org.recto.jats.internal;

import org.recto.jats.JatsProblem;

/**
 * A problem that ends the reading of a document. Unchecked so that the recursive-descent reader
 * need not declare it on every method; {@link org.recto.jats.JatsReader} turns it into a
 * {@link org.recto.jats.JatsException}.
 */
public final class JatsFailure extends RuntimeException {

    private final transient JatsProblem problem;

    public JatsFailure(JatsProblem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public JatsProblem problem() {
        return problem;
    }
}
