package org.recto.references.internal;

/**
 * The tokens of a string as character ranges: token {@code i} is {@code text.substring(start[i], end[i])}.
 * Tokens never split a surrogate pair, so every span built from them is valid text.
 */
public record Tokens(String text, int[] start, int[] end, int size) {

    public String token(int i) {
        return text.substring(start[i], end[i]);
    }

    /** Whether white space (or the string's start) comes right before token {@code i}. */
    public boolean spaceBefore(int i) {
        return i == 0 ? true : start[i] > end[i - 1];
    }

    /** Whether white space (or the string's end) comes right after token {@code i}. */
    public boolean spaceAfter(int i) {
        return i == size - 1 ? true : start[i + 1] > end[i];
    }
}
