package org.recto.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.recto.web.DoiRoute.Scope;
import org.recto.web.JsonResponses;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExecutionChain;

import tools.jackson.databind.json.JsonMapper;

/** How the registry reads a DOI path: the action off its end, the DOI decoded, everything else passed on. */
class DoiRouteRegistryTest {

    final List<DoiRequest> seen = new ArrayList<>();
    final JsonResponses json = new JsonResponses(JsonMapper.builder().build());
    final DoiRouteRegistry registry = new DoiRouteRegistry(List.of(
            route(Scope.PAGE, ""), route(Scope.PAGE, "full"), route(Scope.PAGE, "jats"),
            route(Scope.API, "notes"), route(Scope.API, "usage"),
            DoiRoute.withSubPath(Scope.PAGE, "files", (doi, request, response) -> seen.add(doi))), json);

    @Test
    void aRouteWithASubPathTakesTheSegmentAfterItsAction() throws Exception {
        assertThat(dispatch("GET", "/doi/10.7554/eLife.1234567890/files/elife-1234567890-fig1.tif")).isEqualTo(
                new DoiRequest("10.7554/eLife.1234567890", "files", Scope.PAGE, "elife-1234567890-fig1.tif"));
        // The name is one encoded segment (a zip's folder in it too), and a DOI may hold /files/ itself.
        assertThat(dispatch("GET", "/doi/10.5555/files/x/files/figures%2Ffig%201.tif")).isEqualTo(
                new DoiRequest("10.5555/files/x", "files", Scope.PAGE, "figures/fig 1.tif"));
        // A name that is another route's action is still a file name.
        assertThat(dispatch("GET", "/doi/10.5555/x/files/full")).isEqualTo(
                new DoiRequest("10.5555/x", "files", Scope.PAGE, "full"));
        // Without a well-formed DOI before it, /files/ is part of the DOI (here the landing page of 10.5555/files).
        assertThat(dispatch("GET", "/doi/10.5555/files/")).isEqualTo(new DoiRequest("10.5555/files/", "", Scope.PAGE));
        assertThat(dispatch("GET", "/doi/10.5555/x/files")).isEqualTo(new DoiRequest("10.5555/x/files", "", Scope.PAGE));
    }

    @Test
    void theActionComesOffTheEndAndTheDoiKeepsItsSlashes() throws Exception {
        assertThat(dispatch("GET", "/doi/10.1371/annotation/3155a3e9/full")).isEqualTo(
                new DoiRequest("10.1371/annotation/3155a3e9", "full", Scope.PAGE));
        assertThat(dispatch("GET", "/doi/10.1017/S0260210517000407")).isEqualTo(
                new DoiRequest("10.1017/S0260210517000407", "", Scope.PAGE));
        assertThat(dispatch("HEAD", "/api/v1/articles/10.5555/a%20b%3Cc%3E/notes")).isEqualTo(
                new DoiRequest("10.5555/a b<c>", "notes", Scope.API));
        assertThat(dispatch("GET", "/doi/10.1002/(SICI)1097-4636(199706)35:4%3C479::AID-JBM8%3E3.0.CO;2-K/jats"))
                .isEqualTo(new DoiRequest("10.1002/(SICI)1097-4636(199706)35:4<479::AID-JBM8>3.0.CO;2-K", "jats", Scope.PAGE));
    }

    @Test
    void otherMethodsAndPathsAreNotTheRegistrysAndUnknownApiActionsAre404() throws Exception {
        assertThat(registry.getHandler(new MockHttpServletRequest("POST", "/api/v1/articles"))).isNull();
        assertThat(registry.getHandler(new MockHttpServletRequest("GET", "/journals/RIS"))).isNull();
        assertThat(registry.getHandler(new MockHttpServletRequest("GET", "/doi/"))).isNull();

        MockHttpServletResponse response = answer("GET", "/api/v1/articles/10.5555/x/elsewhere");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(seen).isEmpty();
    }

    @Test
    void twoRoutesForOnePathAreRefusedAtStart() {
        assertThatThrownBy(() -> new DoiRouteRegistry(List.of(route(Scope.PAGE, "full"), route(Scope.PAGE, "full")), json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Two routes claim /doi/{doi}/full: /doi/{doi}/full and /doi/{doi}/full");
    }

    private DoiRoute route(Scope scope, String action) {
        return DoiRoute.of(scope, action, (doi, request, response) -> seen.add(doi));
    }

    private DoiRequest dispatch(String method, String path) throws Exception {
        seen.clear();
        answer(method, path);
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    private MockHttpServletResponse answer(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        HandlerExecutionChain chain = registry.getHandler(request);
        assertThat(chain).as(path).isNotNull();
        MockHttpServletResponse response = new MockHttpServletResponse();
        ((HttpRequestHandler) chain.getHandler()).handleRequest(request, response);
        return response;
    }
}
