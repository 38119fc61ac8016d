package org.recto.web;

import java.io.IOException;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes the JSON answers of DOI routes: a typed record, or an RFC 9457 problem. */
@Component
public class JsonResponses {

    private final JsonMapper json;

    public JsonResponses(JsonMapper json) {
        this.json = json;
    }

    /** Writes {@code body} as JSON with this status (headers only for HEAD). */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, Object body)
            throws IOException {
        send(request, response, status, "application/json", json.writeValueAsBytes(body));
    }

    /** Writes an {@code application/problem+json} answer. */
    public void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        send(request, response, status, "application/problem+json",
                json.writeValueAsBytes(new Problem("about:blank", title, status, detail)));
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, int status, String type,
                             byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** RFC 9457 problem details, as Spring's {@code ProblemDetail} writes them. */
    public record Problem(String type, String title, int status, String detail) {
    }

    /** Answers 400 and returns true when the path holds no well-formed DOI; every JSON route under a DOI asks first. */
    public boolean refusedAsMalformed(DoiRequest doi, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (doi.wellFormed()) {
            return false;
        }
        problem(request, response, 400, "Bad Request", "Not a DOI (10.NNNN/suffix, at most 300 characters)");
        return true;
    }
}
