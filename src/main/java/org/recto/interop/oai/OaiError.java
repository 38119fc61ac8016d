package org.recto.interop.oai;

/** An OAI-PMH error condition: one of the protocol's codes and a sentence saying what was wrong. */
public final class OaiError extends RuntimeException {

    private final String code;

    OaiError(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static OaiError badArgument(String message) {
        return new OaiError("badArgument", message);
    }
}
