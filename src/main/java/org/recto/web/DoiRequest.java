package org.recto.web;

import java.util.regex.Pattern;

/**
 * What the registry read from a DOI path: the DOI (percent-decoded, as the reader typed it), the
 * action taken off the path's end, and for a route that takes one ({@link DoiRoute#takesSubPath()}) the
 * decoded segment after its action ({@code fig1.tif} in {@code /doi/{doi}/files/fig1.tif}), else empty.
 */
public record DoiRequest(String doi, String action, DoiRoute.Scope scope, String subPath) {

    public DoiRequest(String doi, String action, DoiRoute.Scope scope) {
        this(doi, action, scope, "");
    }

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    /** The longest DOI the store keeps. */
    public static final int MAX_LENGTH = 300;

    /** Whether the DOI has a DOI's form (10.NNNN/suffix, at most 300 characters); the route decides what to say if not. */
    public boolean wellFormed() {
        return doi.length() <= MAX_LENGTH && DOI.matcher(doi).matches();
    }
}
