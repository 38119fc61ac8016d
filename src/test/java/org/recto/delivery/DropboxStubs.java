package org.recto.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** Dropbox as its OAuth guide and its /2/files/upload reference document them. */
final class DropboxStubs {

    private DropboxStubs() {
    }

    static void install(WireMockServer dropbox) {
        dropbox.stubFor(get(urlPathEqualTo("/oauth2/authorize"))
                .withQueryParam("response_type", equalTo("code")).withQueryParam("client_id", equalTo("dbx-id"))
                .withQueryParam("token_access_type", equalTo("offline"))
                .withQueryParam("code_challenge", matching("[A-Za-z0-9_-]{43}"))
                .withQueryParam("code_challenge_method", equalTo("S256"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?code=dbx-code&state={{request.query.state}}")));
        // A code is good once; its second use is invalid_grant.
        dropbox.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("code").whenScenarioStateIs(Scenario.STARTED)
                .withBasicAuth("dbx-id", "dbx-secret")
                .withFormParam("grant_type", equalTo("authorization_code")).withFormParam("code", equalTo("dbx-code"))
                .withFormParam("code_verifier", matching("[A-Za-z0-9._~-]{43,128}"))
                .withFormParam("redirect_uri", equalTo(CloudDeliveryTests.PUBLIC + "/send/authorized/dropbox"))
                .willSetStateTo("used")
                .willReturn(okJson("{\"access_token\":\"dbx-access-1\",\"token_type\":\"bearer\",\"expires_in\":14400,"
                        + "\"refresh_token\":\"dbx-refresh\",\"scope\":\"files.content.write\",\"uid\":\"12345\",\"account_id\":\"dbid:AAH4f99\"}")));
        dropbox.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("code").whenScenarioStateIs("used")
                .withFormParam("grant_type", equalTo("authorization_code"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"code has already been used\"}")));
        dropbox.stubFor(post(urlEqualTo("/oauth2/token")).withBasicAuth("dbx-id", "dbx-secret")
                .withFormParam("grant_type", equalTo("refresh_token")).withFormParam("refresh_token", equalTo("dbx-refresh"))
                .willReturn(okJson("{\"access_token\":\"dbx-access-2\",\"token_type\":\"bearer\",\"expires_in\":14400}")));
        dropbox.stubFor(post(urlEqualTo("/2/files/upload"))
                .withHeader("Authorization", matching("Bearer dbx-access-[12]"))
                .withHeader("Content-Type", equalTo("application/octet-stream"))
                .withHeader("Dropbox-API-Arg", matching("\\{\"path\":\"/[ -~]+\",\"mode\":\"add\",\"autorename\":true,\"mute\":false\\}"))
                .willReturn(okJson("{\"name\":\"article.epub\",\"id\":\"id:a4ayc_80_OEAAAAAAAAAXw\",\"size\":7212,"
                        + "\"path_display\":\"/article.epub\",\"is_downloadable\":true}")));
        dropbox.stubFor(post(urlEqualTo("/2/auth/token/revoke")).withHeader("Authorization", matching("Bearer dbx-access-[12]"))
                .willReturn(okJson("null")));
    }

    /** 401 expired_access_token for uploads with this token. */
    static void expired(WireMockServer dropbox, String token) {
        dropbox.stubFor(post(urlEqualTo("/2/files/upload")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_summary\":\"expired_access_token/\",\"error\":{\".tag\":\"expired_access_token\"}}")));
    }

    /** 409 path/conflict, 429 too_many_requests (Retry-After), or 507 Insufficient Storage for every upload. */
    static void refuse(WireMockServer dropbox, int status) {
        String body = switch (status) {
            case 409 -> "{\"error_summary\":\"path/conflict/file/..\",\"error\":{\".tag\":\"path\",\"reason\":{\".tag\":\"conflict\",\"conflict\":{\".tag\":\"file\"}}}}";
            case 429 -> "{\"error_summary\":\"too_many_requests/..\",\"error\":{\"reason\":{\".tag\":\"too_many_requests\"},\"retry_after\":30}}";
            default -> "{\"error_summary\":\"insufficient_space/..\",\"error\":{\".tag\":\"insufficient_space\"}}";
        };
        dropbox.stubFor(post(urlEqualTo("/2/files/upload")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "30").withBody(body)));
    }

    /** The documented form of a full Dropbox: 409 with path/insufficient_space. */
    static void insufficientSpace(WireMockServer dropbox) {
        dropbox.stubFor(post(urlEqualTo("/2/files/upload")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_summary\":\"path/insufficient_space/..\",\"error\":{\".tag\":\"path\",\"reason\":{\".tag\":\"insufficient_space\"}}}")));
    }

    /** The reader revoked Recto in Dropbox's settings: the refresh token is invalid_grant. */
    static void refreshRevoked(WireMockServer dropbox) {
        dropbox.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is invalid or revoked\"}")));
    }
}
