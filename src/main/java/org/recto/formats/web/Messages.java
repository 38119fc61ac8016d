package org.recto.formats.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletResponse;

/** A plain page that says what went wrong and where to go instead (a file that could not be made, a bad style). */
@Component
class Messages {

    private final TemplateEngine templates;

    Messages(TemplateEngine templates) {
        this.templates = templates;
    }

    void send(HttpServletResponse response, int status, String title, String message, Map<String, String> links)
            throws IOException {
        StringOutput html = new StringOutput();
        templates.render("formats/message.jte", Map.of("title", title, "message", message,
                "links", new LinkedHashMap<>(links)), html);
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
