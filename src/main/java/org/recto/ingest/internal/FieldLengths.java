package org.recto.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.recto.article.Article;
import org.recto.article.Contributor;

/**
 * The longest values the store keeps for the article's short fields (migration V11_1), checked before storing
 * so that an editor reads which element is too long rather than the database's message naming a column.
 */
public final class FieldLengths {

    /** SQLSTATE "string data, right truncation", as H2 and PostgreSQL report a value too long for its column. */
    public static final String TOO_LONG_STATE = "22001";

    private record Limit(String element, int max, Function<Article, List<String>> values) {
    }

    private static final List<Limit> LIMITS = List.of(
            new Limit("<volume>", 500, a -> listOf(a.volume())),
            new Limit("<issue>", 500, a -> listOf(a.issue())),
            new Limit("<fpage>", 500, a -> listOf(a.firstPage())),
            new Limit("<lpage>", 500, a -> listOf(a.lastPage())),
            new Limit("<elocation-id>", 500, a -> listOf(a.elocationId())),
            new Limit("<surname>", 4000, a -> a.contributors().stream().map(Contributor::surname).toList()),
            new Limit("<given-names>", 4000, a -> a.contributors().stream().map(Contributor::givenNames).toList()),
            new Limit("<prefix>", 1000, a -> a.contributors().stream().map(Contributor::prefix).toList()),
            new Limit("<suffix>", 1000, a -> a.contributors().stream().map(Contributor::suffix).toList()));

    private FieldLengths() {
    }

    /** The first value longer than the store keeps, said as a sentence; empty when every value fits. */
    public static Optional<String> tooLong(Article article) {
        for (Limit limit : LIMITS) {
            for (String value : limit.values().apply(article)) {
                if (value != null && value.length() > limit.max()) {
                    return Optional.of("the " + limit.element() + " \"" + value.substring(0, 40) + "…\" is "
                            + value.length() + " characters long; the store keeps at most " + limit.max()
                            + ". Check that the element holds only its own value (not, for example, a whole"
                            + " citation), or shorten it");
                }
            }
        }
        return Optional.empty();
    }

    /** What an editor is told when the database refuses a value as too long (a field not checked above). */
    public static String refusedByTheStore(String doi) {
        return "the article " + doi + " could not be stored: one of its values is longer than the store keeps"
                + " (titles, names and texts have room; short fields such as labels, ids and dates at most a few"
                + " hundred characters). Check for an element that holds more than its own value";
    }

    private static List<String> listOf(String value) {
        List<String> one = new ArrayList<>(1);
        one.add(value);
        return one;
    }
}
