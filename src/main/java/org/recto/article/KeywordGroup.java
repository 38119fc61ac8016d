package org.recto.article;

import java.util.List;

/** A {@code kwd-group}: its type (author, …), its title if any, and its keywords as plain text. */
public record KeywordGroup(String type, String title, List<String> keywords) {

    public KeywordGroup {
        keywords = List.copyOf(keywords);
    }
}
