package org.recto.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Google's OAuth 2.0 for web server apps and Drive v3's multipart and resumable uploads, as documented. */
final class DriveStubs {

    private DriveStubs() {
    }

    static void install(WireMockServer google) {
        google.stubFor(get(urlPathEqualTo("/o/oauth2/v2/auth"))
                .withQueryParam("response_type", equalTo("code")).withQueryParam("client_id", equalTo("g-id"))
                .withQueryParam("scope", equalTo("https://www.googleapis.com/auth/drive.file"))
                .withQueryParam("access_type", equalTo("offline"))
                .withQueryParam("code_challenge", matching("[A-Za-z0-9_-]{43}"))
                .withQueryParam("code_challenge_method", equalTo("S256"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=g-code&scope=https://www.googleapis.com/auth/drive.file")));
        google.stubFor(post(urlEqualTo("/token"))
                .withFormParam("grant_type", equalTo("authorization_code")).withFormParam("code", equalTo("g-code"))
                .withFormParam("client_id", equalTo("g-id")).withFormParam("client_secret", equalTo("g-secret"))
                .withFormParam("code_verifier", matching("[A-Za-z0-9._~-]{43,128}"))
                .withFormParam("redirect_uri", equalTo(CloudDeliveryTests.PUBLIC + "/send/authorized/google-drive"))
                .willReturn(okJson("{\"access_token\":\"g-access-1\",\"expires_in\":3599,\"refresh_token\":\"g-refresh\","
                        + "\"scope\":\"https://www.googleapis.com/auth/drive.file\",\"token_type\":\"Bearer\"}")));
        google.stubFor(post(urlEqualTo("/upload/drive/v3/files?uploadType=multipart"))
                .withHeader("Authorization", equalTo("Bearer g-access-1"))
                .withHeader("Content-Type", matching("multipart/related; ?boundary=.+"))
                .willReturn(okJson("{\"kind\":\"drive#file\",\"id\":\"1a2b\",\"name\":\"article.epub\",\"mimeType\":\"application/epub+zip\"}")));
        google.stubFor(post(urlEqualTo("/upload/drive/v3/files?uploadType=resumable"))
                .withHeader("Authorization", equalTo("Bearer g-access-1"))
                .withHeader("X-Upload-Content-Type", matching("application/(pdf|epub\\+zip)"))
                .withHeader("X-Upload-Content-Length", matching("[0-9]+"))
                .withHeader("Content-Type", matching("application/json; ?charset=UTF-8"))
                .willReturn(aResponse().withStatus(200).withHeader("Location",
                        "http://localhost:" + google.port() + "/upload/drive/v3/files?uploadType=resumable&upload_id=up-1")));
        google.stubFor(put(urlEqualTo("/upload/drive/v3/files?uploadType=resumable&upload_id=up-1"))
                .withHeader("Authorization", equalTo("Bearer g-access-1"))
                .willReturn(okJson("{\"kind\":\"drive#file\",\"id\":\"3c4d\",\"name\":\"article.pdf\",\"mimeType\":\"application/pdf\"}")));
    }

    /** 403 storageQuotaExceeded, as Drive answers when the reader's storage is full. */
    static void quotaExceeded(WireMockServer google) {
        google.stubFor(post(urlEqualTo("/upload/drive/v3/files?uploadType=multipart")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":403,\"message\":\"The user's Drive storage quota has been exceeded.\","
                                + "\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"storageQuotaExceeded\"}]}}")));
    }
}
