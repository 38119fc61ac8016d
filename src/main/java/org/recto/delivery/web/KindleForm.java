package org.recto.delivery.web;

import java.util.List;

import org.recto.formats.AvailableFormat;

/**
 * What the Kindle page shows: the article, the configured sender, the reader's choices and the outcome.
 *
 * @param version null for the latest version, else the one the form sends
 * @param error   why the send was refused, or null
 * @param sent    what was sent, or null
 */
public record KindleForm(String title, String pagePath, Integer version, List<AvailableFormat> formats,
                         boolean configured, String from, SendPageResponses.Csrf csrf, String name, String domain,
                         String format, String error, String sent) {

    public String action() {
        return pagePath + "/send/kindle";
    }

    public String size(String extension) {
        return formats.stream().filter(f -> f.kind().extension().equals(extension) && f.size() != null)
                .map(f -> " (" + f.size() + ")").findFirst().orElse("");
    }
}
