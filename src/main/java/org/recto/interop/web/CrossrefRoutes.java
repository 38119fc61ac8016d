package org.recto.interop.web;

import java.io.IOException;

import org.recto.interop.crossref.CrossrefDeposit;
import org.recto.web.DoiRoute;
import org.recto.web.DoiRoute.Scope;
import org.recto.web.JsonResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.http.HttpServletResponse;

/** Crossref deposit XML of an article: {@code /doi/{doi}/crossref.xml}. */
@Configuration(proxyBeanMethods = false)
class CrossrefRoutes {

    private final CrossrefDeposit deposit;

    CrossrefRoutes(CrossrefDeposit deposit) {
        this.deposit = deposit;
    }

    @Bean
    DoiRoute crossrefDepositRoute(JsonResponses json) {
        return DoiRoute.of(Scope.PAGE, "crossref.xml", (doi, request, response) -> {
            var xml = doi.wellFormed() ? deposit.article(doi.doi()) : java.util.Optional.<byte[]>empty();
            if (xml.isEmpty()) {
                json.problem(request, response, 404, "Not Found", "There is no article " + doi.doi() + " here.");
                return;
            }
            send(response, xml.get(), "HEAD".equals(request.getMethod()));
        });
    }

    static void send(HttpServletResponse response, byte[] xml, boolean head) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        response.setContentLength(xml.length);
        if (!head) {
            response.getOutputStream().write(xml);
        }
    }
}
