package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/articles/{doi}/notes?version=N} answers for that version, as the pages do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesVersionTests {

    static final String SEED = "10.1017/S0260210517000407";
    static final String FIRST_NOTE = "Rashid Abdi, quoted in Pilling, David";
    static final String REVISED_NOTE = "Rashid Abdi, as quoted by Pilling, David";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    WebTestSupport web;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void importTwoVersions() {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
        byte[] v1 = SharedData.read(SharedData.seed("mills-bloomfield-2018.xml"));
        byte[] v2 = new String(v1, StandardCharsets.UTF_8).replace(FIRST_NOTE, REVISED_NOTE).getBytes(StandardCharsets.UTF_8);
        assertThat(ingest.ingest(v1, "v1.xml").ok()).isTrue();
        assertThat(ingest.ingest(v2, "v2.xml").ok()).isTrue();
        DerivedData.await(derived);
    }

    private JsonNode notes(String query, int status) {
        HttpResponse<String> response = web.get("/api/v1/articles/" + SEED + "/notes" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(status);
        return json.readTree(response.body());
    }

    @Test
    void eachVersionHasItsOwnNotes() {
        JsonNode latest = notes("", 200);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("notes").get(0).toString()).contains("as quoted by").doesNotContain("quoted in");

        JsonNode first = notes("?version=1", 200);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("notes").get(0).toString()).contains("quoted in").doesNotContain("as quoted by");
        assertThat(notes("?version=2", 200).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingOrMalformedVersionIsAProblem() {
        assertThat(notes("?version=9", 404).get("detail").asString()).contains("no version 9");
        assertThat(notes("?version=two", 400).get("detail").asString()).contains("whole number");
    }
}
