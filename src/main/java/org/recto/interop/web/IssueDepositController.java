package org.recto.interop.web;

import java.io.IOException;

import org.recto.interop.crossref.CrossrefDeposit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Crossref deposit XML of an issue: {@code /journals/{key}/issues/{volume}/{issue}/crossref.xml} ({@code -} for an empty volume or issue). */
@Controller
class IssueDepositController {

    private static final String NONE = "-";

    private final CrossrefDeposit deposit;

    IssueDepositController(CrossrefDeposit deposit) {
        this.deposit = deposit;
    }

    @GetMapping("/journals/{key}/issues/{volume}/{issue}/crossref.xml")
    void issue(@PathVariable String key, @PathVariable String volume, @PathVariable String issue,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] xml = deposit.issue(key, NONE.equals(volume) ? "" : volume, NONE.equals(issue) ? "" : issue)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such issue of " + key + " here."));
        CrossrefRoutes.send(response, xml, "HEAD".equals(request.getMethod()));
    }

}
