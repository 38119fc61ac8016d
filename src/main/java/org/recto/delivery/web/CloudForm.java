package org.recto.delivery.web;

import java.util.List;

import org.recto.formats.AvailableFormat;

/**
 * What the Dropbox and Google Drive pages show: the article, the formats, whether this browser session is
 * connected (never a token), and the outcome of a send.
 *
 * @param version null for the latest version
 */
public record CloudForm(String service, String slug, String help, String title, String pagePath, Integer version,
                        List<AvailableFormat> formats, boolean configured, boolean connected, SendPageResponses.Csrf csrf,
                        String error, String sent) {

    public String action() {
        return pagePath + "/send/" + slug;
    }

    public String size(String extension) {
        return formats.stream().filter(f -> f.kind().extension().equals(extension) && f.size() != null)
                .map(f -> " (" + f.size() + ")").findFirst().orElse("");
    }
}
