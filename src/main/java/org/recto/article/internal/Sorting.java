package org.recto.article.internal;

import java.util.Comparator;
import java.util.function.Function;

/** Orders volume, issue and page strings as numbers where they are numbers ("9" before "10", "e1001" by its digits). */
final class Sorting {

    private Sorting() {
    }

    static <T> Comparator<T> byNumberLike(Function<T, String> key) {
        Comparator<T> byNumber = Comparator.comparing((T t) -> numberPart(key.apply(t)),
                Comparator.nullsFirst(Comparator.<Long>naturalOrder()));
        return byNumber.thenComparing((T t) -> key.apply(t) == null ? "" : key.apply(t));
    }

    private static Long numberPart(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length() && digits.length() < 18; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!digits.isEmpty()) {
                break;
            }
        }
        return digits.isEmpty() ? null : Long.parseLong(digits.toString());
    }
}
