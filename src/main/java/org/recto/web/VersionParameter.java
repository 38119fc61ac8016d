package org.recto.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one reading of {@code ?version=N} for everything under a DOI: the pages, the JATS source and the
 * API. Absent or blank means the latest version.
 */
public final class VersionParameter {

    /** What a reader is told when the parameter is not a number. */
    public static final String NOT_A_NUMBER = "The version must be a whole number, as in ?version=2.";

    private VersionParameter() {
    }

    /** The requested version, or null for the latest; {@link IllegalArgumentException} with {@link #NOT_A_NUMBER} otherwise. */
    public static Integer of(HttpServletRequest request) {
        String raw = request.getParameter("version");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NOT_A_NUMBER, e);
        }
    }
}
