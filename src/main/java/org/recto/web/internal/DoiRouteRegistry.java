package org.recto.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.recto.web.DoiRoute.Scope;
import org.recto.web.JsonResponses;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.UriUtils;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The DOI path registry: every GET or HEAD under {@code /doi/} and {@code /api/v1/articles/} is read
 * here once, the action taken off the path's end and the request handed to the route that module
 * contributed. Consulted before the controllers' mappings; other methods (the import's POST) pass on, except a
 * POST to a route that takes one ({@link DoiRoute#takesPost()}: a form posting back to its page).
 */
@Component
class DoiRouteRegistry extends AbstractHandlerMapping {

    private final Map<Scope, Map<String, DoiRoute>> routes = new EnumMap<>(Scope.class);
    /** Per scope, the actions longest first, so that {@code …/full} is not mistaken for part of a DOI. */
    private final Map<Scope, List<String>> actions = new EnumMap<>(Scope.class);
    private final JsonResponses json;

    DoiRouteRegistry(List<DoiRoute> contributed, JsonResponses json) {
        this.json = json;
        for (Scope scope : Scope.values()) {
            routes.put(scope, new HashMap<>());
        }
        for (DoiRoute route : contributed) {
            DoiRoute earlier = routes.get(route.scope()).putIfAbsent(route.action(), route);
            if (earlier != null) {
                throw new IllegalStateException("Two routes claim " + route.scope().path("{doi}", route.action())
                        + ": " + earlier + " and " + route);
            }
        }
        routes.forEach((scope, byAction) -> actions.put(scope, byAction.keySet().stream()
                .filter(a -> !a.isEmpty() && !byAction.get(a).takesSubPath()).sorted(Comparator.comparingInt(String::length).reversed()).toList()));
        setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!"GET".equals(method) && !"HEAD".equals(method) && !post) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Scope scope : Scope.values()) {
            if (path.startsWith(scope.prefix()) && path.length() > scope.prefix().length()) {
                return post ? formHandler(scope, path.substring(scope.prefix().length()))
                        : handler(scope, path.substring(scope.prefix().length()));
            }
        }
        return null;
    }

    /** A POST goes to a form route whose action ends the path; any other POST passes on to the controllers. */
    private HttpRequestHandler formHandler(Scope scope, String rest) {
        String decoded;
        try {
            decoded = UriUtils.decode(rest, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (DoiRoute route : routes.get(scope).values()) {
            String suffix = "/" + route.action();
            if (route.takesPost() && decoded.endsWith(suffix) && decoded.length() > suffix.length()) {
                return dispatch(route, new DoiRequest(decoded.substring(0, decoded.length() - suffix.length()),
                        route.action(), scope));
            }
        }
        return null;
    }

    private HttpRequestHandler handler(Scope scope, String rest) {
        HttpRequestHandler withSubPath = subPathHandler(scope, rest);
        if (withSubPath != null) {
            return withSubPath;
        }
        String decoded;
        try {
            decoded = UriUtils.decode(rest, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return (req, res) -> refuse(scope, req, res, 400, "The DOI in the path is not validly percent-encoded");
        }
        for (String action : actions.get(scope)) {
            String suffix = "/" + action;
            if (decoded.endsWith(suffix) && decoded.length() > suffix.length()) {
                return dispatch(routes.get(scope).get(action),
                        new DoiRequest(decoded.substring(0, decoded.length() - suffix.length()), action, scope));
            }
        }
        DoiRoute whole = routes.get(scope).get("");
        if (whole != null) {
            return dispatch(whole, new DoiRequest(decoded, "", scope));
        }
        return (req, res) -> refuse(scope, req, res, 404, "There is no such resource; an article's resources are at "
                + scope.prefix() + "{doi}/{" + String.join("|", actions.get(scope)) + "}.");
    }

    /**
     * A route that takes a segment after its action, read from the still-encoded path: the last
     * {@code /{action}/} followed by one segment, with a well-formed DOI before it (a DOI may itself hold
     * {@code /files/}; the segment cannot hold a raw slash, since it is encoded as one segment).
     */
    private HttpRequestHandler subPathHandler(Scope scope, String rest) {
        for (DoiRoute route : routes.get(scope).values()) {
            if (!route.takesSubPath()) {
                continue;
            }
            int at = rest.lastIndexOf("/" + route.action() + "/");
            String segment = at < 0 ? "" : rest.substring(at + route.action().length() + 2);
            if (at <= 0 || segment.isEmpty() || segment.contains("/")) {
                continue;
            }
            try {
                DoiRequest doi = new DoiRequest(UriUtils.decode(rest.substring(0, at), StandardCharsets.UTF_8),
                        route.action(), scope, UriUtils.decode(segment, StandardCharsets.UTF_8));
                if (doi.wellFormed()) {
                    return dispatch(route, doi);
                }
            } catch (IllegalArgumentException e) {
                return (req, res) -> refuse(scope, req, res, 400, "The path is not validly percent-encoded");
            }
        }
        return null;
    }

    private static HttpRequestHandler dispatch(DoiRoute route, DoiRequest doi) {
        return (req, res) -> route.handle(doi, req, res);
    }

    private void refuse(Scope scope, HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        if (scope == Scope.API) {
            json.problem(request, response, status, status == 400 ? "Bad Request" : "Not Found", detail);
        } else {
            throw new ResponseStatusException(HttpStatusCode.valueOf(status), detail);
        }
    }
}
