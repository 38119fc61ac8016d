package org.recto.delivery.internal;

/** The provider did not take the file; {@link #reason} says what the reader can do. */
public class UploadRefused extends Exception {

    /** What went wrong, as the providers' documented error responses tell it. */
    public enum Reason {
        /** 401: the access token expired or was revoked: refresh, else authorise again. */
        EXPIRED_TOKEN,
        /** 409: a file of that name is in the way (Dropbox path/conflict). */
        CONFLICT,
        /** 429 (or Google's 403 rateLimitExceeded): try again after Retry-After. */
        RATE_LIMITED,
        /** 507, Dropbox's insufficient_space, Google's storageQuotaExceeded: the reader's storage is full. */
        QUOTA,
        /** Anything else: the provider's trouble. */
        OTHER
    }

    private final Reason reason;
    private final String retryAfter;

    public UploadRefused(Reason reason, String detail, String retryAfter) {
        super(detail);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The provider's Retry-After, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** Classifies a provider's HTTP error the way both document them. */
    static UploadRefused of(int status, String body, String retryAfter) {
        String text = body == null ? "" : body;
        Reason reason = switch (status) {
            case 401 -> Reason.EXPIRED_TOKEN;
            case 429 -> Reason.RATE_LIMITED;
            case 507 -> Reason.QUOTA;
            case 409 -> text.contains("insufficient_space") ? Reason.QUOTA : Reason.CONFLICT;
            case 403 -> text.contains("storageQuotaExceeded") || text.contains("quotaExceeded") ? Reason.QUOTA
                    : text.contains("rateLimitExceeded") ? Reason.RATE_LIMITED : Reason.OTHER;
            default -> Reason.OTHER;
        };
        return new UploadRefused(reason, "HTTP " + status + ": " + (text.length() > 300 ? text.substring(0, 300) : text), retryAfter);
    }
}
