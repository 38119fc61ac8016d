package org.recto.interop.web;

import java.io.IOException;

import org.recto.interop.oai.OaiRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /oai}: OAI-PMH 2.0 over GET (query string) and POST ({@code application/x-www-form-urlencoded}). */
@Controller
class OaiController {

    private final OaiRepository repository;

    OaiController(OaiRepository repository) {
        this.repository = repository;
    }

    @RequestMapping(path = "/oai", method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST})
    void oai(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = repository.respond(request.getParameterMap());
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
