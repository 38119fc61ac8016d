package org.recto.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A route made from its parts by {@link DoiRoute#of}, {@link DoiRoute#withSubPath} or {@link DoiRoute#form}. */
record HandledRoute(DoiRoute.Scope scope, String action, DoiRoute.Handler handler, boolean takesSubPath, boolean takesPost)
        implements DoiRoute {

    @Override
    public void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        handler.handle(doi, request, response);
    }

    @Override
    public String toString() {
        return scope.path("{doi}", action) + (takesSubPath ? "/{name}" : "") + (takesPost ? " (GET, POST)" : "");
    }
}
