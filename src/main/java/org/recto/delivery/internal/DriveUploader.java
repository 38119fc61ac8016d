package org.recto.delivery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.recto.delivery.DeliveryProperties;
import org.recto.delivery.internal.DropboxUploader.UploadFailure;
import org.recto.formats.FormatKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Google Drive v3 uploads into the reader's My Drive, as the {@code drive.file} scope allows (files this app made):
 * a multipart upload (metadata and bytes in one {@code multipart/related} request) up to the threshold (5 MB, as
 * Google advises), a resumable upload above it (a session started with the metadata, then the bytes in one PUT).
 */
@Component
public class DriveUploader {

    private final DeliveryProperties props;
    private final RestClient http;

    public DriveUploader(DeliveryProperties props) {
        this.props = props;
        this.http = RestClient.create();
    }

    public void upload(String accessToken, Path file, String name, FormatKind kind) throws UploadRefused, IOException {
        byte[] bytes = Files.readAllBytes(file);
        String metadata = "{\"name\":" + DropboxUploader.asciiJson(name) + ",\"mimeType\":\"" + kind.mediaType() + "\"}";
        try {
            if (bytes.length > props.resumableAbove().toBytes()) {
                resumable(accessToken, metadata, bytes, kind);
            } else {
                multipart(accessToken, metadata, bytes, kind);
            }
        } catch (UploadFailure f) {
            throw f.refused;
        } catch (RestClientException e) {
            throw new UploadRefused(UploadRefused.Reason.OTHER, e.getMessage(), null);
        }
    }

    private void multipart(String accessToken, String metadata, byte[] bytes, FormatKind kind) throws IOException {
        String boundary = "recto-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
        body.write(("--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n" + metadata + "\r\n--" + boundary
                + "\r\nContent-Type: " + kind.mediaType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        http.post().uri(props.gdrive().contentUri() + "?uploadType=multipart")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.parseMediaType("multipart/related; boundary=" + boundary))
                .body(body.toByteArray())
                .exchange((request, response) -> checked(response));
    }

    private void resumable(String accessToken, String metadata, byte[] bytes, FormatKind kind) {
        String session = http.post().uri(props.gdrive().contentUri() + "?uploadType=resumable")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .header("X-Upload-Content-Type", kind.mediaType())
                .header("X-Upload-Content-Length", Integer.toString(bytes.length))
                .contentType(MediaType.parseMediaType("application/json; charset=UTF-8"))
                .body(metadata)
                .exchange((request, response) -> {
                    checked(response);
                    return response.getHeaders().getFirst(HttpHeaders.LOCATION);
                });
        if (session == null || !session.startsWith(props.gdrive().contentUri())) {
            // The session URI comes back from Google; it must be Google's upload endpoint, not anywhere else.
            throw new UploadFailure(new UploadRefused(UploadRefused.Reason.OTHER, "no resumable session URI under the upload endpoint", null));
        }
        http.put().uri(java.net.URI.create(session))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.parseMediaType(kind.mediaType()))
                .body(bytes)
                .exchange((request, response) -> checked(response));
    }

    private static Object checked(org.springframework.http.client.ClientHttpResponse response) throws IOException {
        if (!response.getStatusCode().is2xxSuccessful()) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            throw new UploadFailure(UploadRefused.of(response.getStatusCode().value(), body,
                    response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        }
        return null;
    }
}
