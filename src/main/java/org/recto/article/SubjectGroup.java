package org.recto.article;

import java.util.List;

/** A {@code subj-group} with nested groups flattened in document order. */
public record SubjectGroup(String type, List<String> subjects) {

    public SubjectGroup {
        subjects = List.copyOf(subjects);
    }
}
