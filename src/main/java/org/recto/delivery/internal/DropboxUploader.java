package org.recto.delivery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.recto.delivery.DeliveryProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Dropbox's {@code POST /2/files/upload} on the content host: the file as the body, the path in the
 * {@code Dropbox-API-Arg} header as JSON. With an app-folder app, {@code /name} is in the reader's
 * {@code Apps/<app>} folder; {@code autorename} keeps an earlier send of the same article.
 */
@Component
public class DropboxUploader {

    private final DeliveryProperties props;
    private final RestClient http;

    public DropboxUploader(DeliveryProperties props) {
        this.props = props;
        this.http = RestClient.create();
    }

    public void upload(String accessToken, Path file, String name) throws UploadRefused, IOException {
        String content = props.dropbox().contentUri();
        String arg = apiArg("/" + name);
        byte[] bytes = Files.readAllBytes(file);
        try {
            send(content, accessToken, arg, bytes);
        } catch (UploadFailure f) {
            throw f.refused;
        } catch (org.springframework.web.client.RestClientException e) {
            throw new UploadRefused(UploadRefused.Reason.OTHER, e.getMessage(), null);
        }
    }

    private void send(String content, String accessToken, String arg, byte[] bytes) {
        http.post().uri((content.endsWith("/") ? content.substring(0, content.length() - 1) : content) + "/2/files/upload")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .header("Dropbox-API-Arg", arg)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes)
                .exchange((request, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return null;
                    }
                    String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    throw new UploadFailure(UploadRefused.of(response.getStatusCode().value(), body,
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
                });
    }

    /**
     * The header's JSON, with every character outside printable ASCII escaped as {@code \\uXXXX}: an HTTP header
     * carries no UTF-8, and Dropbox documents this escaping for non-ASCII paths.
     */
    static String apiArg(String path) {
        return "{\"path\":" + asciiJson(path) + ",\"mode\":\"add\",\"autorename\":true,\"mute\":false}";
    }

    static String asciiJson(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Carries the refusal out of the exchange callback, which may throw only unchecked exceptions. */
    static final class UploadFailure extends RuntimeException {
        final UploadRefused refused;

        UploadFailure(UploadRefused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }
}
