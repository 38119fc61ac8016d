package org.recto.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A module's route under an article's DOI, such as {@code /doi/{doi}/full} or
 * {@code /api/v1/articles/{doi}/notes}. A DOI's suffix may itself hold slashes, which Spring's path
 * patterns cannot express, so the registry reads the path whole, takes the action off its end and
 * hands the route the decoded DOI. Routes answer GET and HEAD; a {@link #form} route answers POST too.
 */
public interface DoiRoute {

    /** Which tree the route lives in. */
    Scope scope();

    /** The path segment after the DOI: empty for the landing page, else e.g. {@code full}, {@code notes}. */
    String action();

    void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException;

    /**
     * Whether the route takes one more path segment after its action ({@code /doi/{doi}/files/{name}}, the
     * name percent-encoded as one segment with {@link PathEncoding#segment}); it is in {@link DoiRequest#subPath()}.
     */
    default boolean takesSubPath() {
        return false;
    }

    /**
     * Whether the route also answers POST: a page with a form that posts back to its own path
     * ({@code /doi/{doi}/send/kindle}). The security chain checks the form's CSRF token before the route sees it.
     */
    default boolean takesPost() {
        return false;
    }

    /** A page route whose form posts back to the same path. */
    static DoiRoute form(Scope scope, String action, Handler handler) {
        return new HandledRoute(scope, action, handler, false, true);
    }

    /** A route that takes a segment after its action: {@code /doi/{doi}/{action}/{subPath}}. */
    static DoiRoute withSubPath(Scope scope, String action, Handler handler) {
        return new HandledRoute(scope, action, handler, true, false);
    }

    /** A route from its parts, for a module that contributes several with one handler class. */
    static DoiRoute of(Scope scope, String action, Handler handler) {
        return new HandledRoute(scope, action, handler, false, false);
    }

    /** What a route does with a request. */
    @FunctionalInterface
    interface Handler {
        void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    /** The two trees of DOI paths. */
    enum Scope {
        /** The reader's pages: {@code /doi/{doi}} and {@code /doi/{doi}/{action}}. */
        PAGE("/doi/"),
        /** The JSON API: {@code /api/v1/articles/{doi}/{action}}. */
        API("/api/v1/articles/");

        private final String prefix;

        Scope(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** The path of an action under a DOI that is already percent-encoded for a path. */
        public String path(String encodedDoi, String action) {
            return prefix + encodedDoi + (action.isEmpty() ? "" : "/" + action);
        }

        /** The path of an action under a DOI as stored: the link the registry reads back to that DOI. */
        public String link(String doi, String action) {
            return path(PathEncoding.doi(doi), action);
        }
    }
}
