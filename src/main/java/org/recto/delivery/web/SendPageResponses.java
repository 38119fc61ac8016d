package org.recto.delivery.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the send pages. They show one reader's form and its outcome, so they are never stored by a cache,
 * unlike the prepared landing pages.
 */
@Component
class SendPageResponses {

    private final TemplateEngine templates;

    SendPageResponses(TemplateEngine templates) {
        this.templates = templates;
    }

    void render(HttpServletResponse response, int status, String template, Map<String, Object> model) throws IOException {
        StringOutput html = new StringOutput();
        templates.render(template, model, html);
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The form's hidden CSRF field, as the security chain expects it back. */
    static Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            throw new IllegalStateException("The send pages must pass the security chain's CSRF filter");
        }
        return new Csrf(token.getParameterName(), token.getToken());
    }

    /** The hidden field a form posts back. */
    public record Csrf(String name, String value) {
    }

    /** The client's session id for the rate limits; the session exists once the form has its CSRF token. */
    static String session(HttpServletRequest request) {
        return request.getSession(true).getId();
    }
}
