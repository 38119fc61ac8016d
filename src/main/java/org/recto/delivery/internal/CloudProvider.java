package org.recto.delivery.internal;

import java.util.Optional;

/** The two storage services a reader can send to; {@link #slug} is the path segment of their pages. */
public enum CloudProvider {
    DROPBOX("dropbox", "Dropbox", "https://help.dropbox.com/integrations/third-party-apps"),
    GOOGLE_DRIVE("google-drive", "Google Drive", "https://support.google.com/drive/answer/2424384");

    private final String slug;
    private final String title;
    private final String help;

    CloudProvider(String slug, String title, String help) {
        this.slug = slug;
        this.title = title;
        this.help = help;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The provider's page on connecting apps ("Find out more about sending content to …"). */
    public String help() {
        return help;
    }

    public static Optional<CloudProvider> of(String slug) {
        for (CloudProvider p : values()) {
            if (p.slug.equals(slug)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
