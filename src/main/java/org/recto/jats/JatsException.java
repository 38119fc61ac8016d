package org.recto.jats;

import java.util.List;

/** A JATS file that cannot be read into an article; lists every problem found. */
public class JatsException extends Exception {

    private final List<JatsProblem> problems;

    public JatsException(List<JatsProblem> problems) {
        super(problems.isEmpty() ? "invalid JATS" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public JatsException(JatsProblem problem) {
        this(List.of(problem));
    }

    public List<JatsProblem> problems() {
        return problems;
    }
}
