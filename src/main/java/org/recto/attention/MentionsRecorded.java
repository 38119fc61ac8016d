package org.recto.attention;

import java.util.List;

/** New mentions of these articles were recorded, so their scores (and the pages that show them) changed. */
public record MentionsRecorded(List<String> dois) {

    public MentionsRecorded {
        dois = List.copyOf(dois);
    }
}
