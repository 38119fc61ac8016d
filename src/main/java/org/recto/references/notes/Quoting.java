package org.recto.references.notes;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which characters of a text sit inside matched brackets or quotes. Quotes are paired with a stack
 * (unpaired marks are ignored); a right single quote between letters is an apostrophe. Linear time.
 */
final class Quoting {

    private final int[] nestedDepth;
    private final int[] quoteDepth;

    private Quoting(int[] nestedDepth, int[] quoteDepth) {
        this.nestedDepth = nestedDepth;
        this.quoteDepth = quoteDepth;
    }

    static Quoting of(String s) {
        int n = s.length();
        int[] nestedDiff = new int[n + 1];
        int[] quoteDiff = new int[n + 1];
        Deque<int[]> stack = new ArrayDeque<>(); // {position, kind}
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int kind = switch (c) {
                case '(' -> 1;
                case '[' -> 2;
                case '“' -> 3;
                case '‘' -> 4;
                case '"' -> 5;
                case '\'' -> 6;
                default -> 0;
            };
            boolean letterBefore = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
            boolean letterAfter = i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1));
            int closes = switch (c) {
                case ')' -> 1;
                case ']' -> 2;
                case '”' -> 3;
                case '’' -> letterBefore && letterAfter ? 0 : 4;
                case '"' -> 5;
                case '\'' -> letterBefore && letterAfter ? 0 : 6;
                default -> 0;
            };
            if (closes != 0 && !stack.isEmpty() && topKindMatches(stack, closes)) {
                int open = popMatching(stack, closes);
                boolean quote = closes >= 3;
                mark(quote ? quoteDiff : nestedDiff, open, i + 1);
                if (quote) {
                    mark(nestedDiff, open, i + 1);
                }
                continue;
            }
            if (kind == 6 && (letterBefore || !letterAfter && i + 1 < n && s.charAt(i + 1) != '‘')) {
                continue; // an apostrophe, not an opening quote
            }
            if (kind != 0 && stack.size() < 64) {
                stack.push(new int[] {i, kind});
            }
        }
        return new Quoting(prefix(nestedDiff, n), prefix(quoteDiff, n));
    }

    private static boolean topKindMatches(Deque<int[]> stack, int kind) {
        // look a few levels down, so that one stray mark does not unbalance the rest
        int k = 0;
        for (int[] e : stack) {
            if (e[1] == kind) {
                return true;
            }
            if (++k >= 3) {
                return false;
            }
        }
        return false;
    }

    private static int popMatching(Deque<int[]> stack, int kind) {
        while (true) {
            int[] e = stack.pop();
            if (e[1] == kind) {
                return e[0];
            }
        }
    }

    private static void mark(int[] diff, int from, int to) {
        diff[from]++;
        diff[to]--;
    }

    private static int[] prefix(int[] diff, int n) {
        int[] depth = new int[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            d += diff[i];
            depth[i] = d;
        }
        return depth;
    }

    /** Inside brackets or quotes (the marks themselves included). */
    boolean nested(int i) {
        return i >= 0 && i < nestedDepth.length && nestedDepth[i] > 0;
    }

    boolean quoted(int i) {
        return i >= 0 && i < quoteDepth.length && quoteDepth[i] > 0;
    }

    /** The text with quoted passages removed. */
    String outsideQuotes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!quoted(i)) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** The first quoted passage as {start, end} of its content, or null. */
    int[] firstQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (quoted(i)) {
                int j = i;
                while (j < s.length() && quoted(j)) {
                    j++;
                }
                return new int[] {i + 1, j - 1};
            }
        }
        return null;
    }
}
