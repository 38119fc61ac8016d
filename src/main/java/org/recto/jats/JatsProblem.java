package org.recto.jats;

/**
 * One thing wrong with a JATS file, said so a production editor understands it. {@code line} and
 * {@code column} are 1-based; 0 where the problem has no position (an unreadable file).
 */
public record JatsProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
