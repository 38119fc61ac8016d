package org.recto.usage.sushi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A COUNTER_SUSHI exception (CoP Appendix D, Table D.1). Thrown for the errors that end a request (HTTP 4xx/5xx,
 * the body is the single Exception object); the warnings of a 200 response go into the report header instead.
 */
public final class SushiException extends RuntimeException {

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(1000, "Service Not Available"),
            Map.entry(1010, "Service Busy"),
            Map.entry(1011, "Report Queued for Processing"),
            Map.entry(1020, "Client has made too many requests"),
            Map.entry(1030, "Insufficient Information to Process Request"),
            Map.entry(2000, "Requestor Not Authorized to Access Service"),
            Map.entry(2010, "Requestor is Not Authorized to Access Usage for Institution"),
            Map.entry(2011, "Global Reports Not Supported"),
            Map.entry(2020, "APIKey Invalid"),
            Map.entry(3020, "Invalid Date Arguments"),
            Map.entry(3030, "No Usage Available for Requested Dates"),
            Map.entry(3031, "Usage Not Ready for Requested Dates"),
            Map.entry(3032, "Usage No Longer Available for Requested Dates"),
            Map.entry(3040, "Partial Data Returned"),
            Map.entry(3050, "Parameter Not Recognized in this Context"),
            Map.entry(3060, "Invalid ReportFilter Value"),
            Map.entry(3061, "Incongruous ReportFilter Value"),
            Map.entry(3062, "Invalid ReportAttribute Value"),
            Map.entry(3063, "Components Not Supported"),
            Map.entry(3070, "Required ReportFilter Missing"));

    private static final Map<Integer, Integer> STATUS = Map.ofEntries(
            Map.entry(1000, 503), Map.entry(1010, 503), Map.entry(1011, 202), Map.entry(1020, 429),
            Map.entry(1030, 400), Map.entry(2000, 401), Map.entry(2010, 403), Map.entry(2011, 403),
            Map.entry(2020, 401), Map.entry(3020, 400));

    private final int code;
    private final String data;

    public SushiException(int code, String data) {
        super(code + ": " + message(code) + (data == null ? "" : " (" + data + ")"));
        this.code = code;
        this.data = data;
    }

    public static String message(int code) {
        String m = MESSAGES.get(code);
        if (m == null) {
            throw new IllegalArgumentException("No COUNTER exception " + code);
        }
        return m;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return STATUS.getOrDefault(code, 200);
    }

    /** The JSON Exception object. */
    public Map<String, Object> toJson() {
        return json(code, data);
    }

    public static Map<String, Object> json(int code, String data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Code", code);
        m.put("Message", message(code));
        if (data != null && !data.isEmpty()) {
            m.put("Data", data);
        }
        return m;
    }
}
