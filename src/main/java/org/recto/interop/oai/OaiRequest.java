package org.recto.interop.oai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request's verb and arguments, checked against what the protocol allows for that verb: an unknown,
 * missing or repeated verb is {@code badVerb}; an unknown, repeated or missing argument, or a
 * resumptionToken beside other arguments, is {@code badArgument}.
 */
record OaiRequest(String verb, Map<String, String> args) {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"));

    OaiRequest {
        args = Map.copyOf(args);
    }

    String arg(String name) {
        return args.get(name);
    }

    static OaiRequest parse(Map<String, String[]> params) {
        String[] verbs = params.get("verb");
        if (verbs == null || verbs.length == 0) {
            throw new OaiError("badVerb", "The request has no verb; use one of " + String.join(", ", ALLOWED.keySet().stream().sorted().toList()) + ".");
        }
        if (verbs.length > 1) {
            throw new OaiError("badVerb", "The verb is given " + verbs.length + " times; give it once.");
        }
        String verb = verbs[0];
        Set<String> allowed = ALLOWED.get(verb);
        if (allowed == null) {
            throw new OaiError("badVerb", "'" + verb + "' is not an OAI-PMH verb; use one of "
                    + String.join(", ", ALLOWED.keySet().stream().sorted().toList()) + ".");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            if (p.getKey().equals("verb")) {
                continue;
            }
            if (!allowed.contains(p.getKey())) {
                throw OaiError.badArgument("The argument '" + p.getKey() + "' is not allowed with " + verb + ".");
            }
            if (p.getValue().length != 1) {
                throw OaiError.badArgument("The argument '" + p.getKey() + "' is given " + p.getValue().length + " times; give it once.");
            }
            args.put(p.getKey(), p.getValue()[0]);
        }
        OaiRequest request = new OaiRequest(verb, args);
        request.checkRequired();
        return request;
    }

    private void checkRequired() {
        switch (verb) {
            case "GetRecord" -> {
                require("identifier");
                require("metadataPrefix");
            }
            case "ListIdentifiers", "ListRecords" -> {
                if (args.containsKey("resumptionToken")) {
                    if (args.size() > 1) {
                        throw OaiError.badArgument("The resumptionToken is an exclusive argument: give it alone, without "
                                + String.join(", ", args.keySet().stream().filter(k -> !k.equals("resumptionToken")).toList()) + ".");
                    }
                } else {
                    require("metadataPrefix");
                }
            }
            default -> {
            }
        }
    }

    private void require(String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw OaiError.badArgument(verb + " needs the argument '" + name + "'.");
        }
    }
}
