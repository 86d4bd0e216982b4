package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.oaipmh.OaiException.Code;

import java.util.*;

/**
 * A syntactically valid OAI-PMH request: a known verb with exactly the arguments the verb allows, each given once,
 * required ones present and {@code resumptionToken} exclusive (protocol section 3.1 and section 4).
 */
public record OaiRequest(Verb verb, Map<String, String> arguments) {
    /** The longest argument value accepted (a resumption token is about 200 characters). */
    static final int MAX_ARGUMENT = 1000;

    public enum Verb {
        Identify(Set.of(), Set.of(), false),
        ListMetadataFormats(Set.of(), Set.of("identifier"), false),
        ListSets(Set.of(), Set.of(), true),
        GetRecord(Set.of("identifier", "metadataPrefix"), Set.of(), false),
        ListIdentifiers(Set.of("metadataPrefix"), Set.of("from", "until", "set"), true),
        ListRecords(Set.of("metadataPrefix"), Set.of("from", "until", "set"), true);

        private final Set<String> required;
        private final Set<String> optional;
        private final boolean resumable;

        Verb(Set<String> required, Set<String> optional, boolean resumable) {
            this.required = required;
            this.optional = optional;
            this.resumable = resumable;
        }
    }

    public OaiRequest {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public Optional<String> argument(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    /** Parses the request's parameters (query string or form body), keys mapped to every value given. */
    public static OaiRequest parse(Map<String, List<String>> parameters) {
        List<String> verbs = parameters.getOrDefault("verb", List.of());
        if (verbs.isEmpty()) {
            throw new OaiException(Code.badVerb, "the verb argument is missing");
        }
        if (verbs.size() > 1) {
            throw new OaiException(Code.badVerb, "the verb argument is repeated");
        }
        Verb verb = Arrays.stream(Verb.values()).filter(v -> v.name().equals(verbs.getFirst())).findFirst()
                .orElseThrow(() -> new OaiException(Code.badVerb, "'" + verbs.getFirst() + "' is not an OAI-PMH verb"));
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(parameters).entrySet()) {
            String key = e.getKey();
            if (key.equals("verb")) {
                continue;
            }
            boolean allowed = verb.required.contains(key) || verb.optional.contains(key)
                    || (verb.resumable && key.equals("resumptionToken"));
            if (!allowed) {
                throw new OaiException(Code.badArgument, "'" + key + "' is not an argument of " + verb);
            }
            if (e.getValue().size() != 1) {
                throw new OaiException(Code.badArgument, "the argument '" + key + "' is repeated");
            }
            // NUL and other control characters can be part of no identifier, prefix, set, date or token
            InputText.problem(e.getValue().getFirst(), MAX_ARGUMENT).ifPresent(problem -> {
                throw new OaiException(Code.badArgument, "the argument '" + key + "' " + problem);
            });
            args.put(key, e.getValue().getFirst());
        }
        if (args.containsKey("resumptionToken")) {
            if (args.size() > 1) {
                throw new OaiException(Code.badArgument, "resumptionToken is an exclusive argument");
            }
        } else {
            for (String required : verb.required) {
                if (!args.containsKey(required) || args.get(required).isBlank()) {
                    throw new OaiException(Code.badArgument, verb + " requires the argument '" + required + "'");
                }
            }
        }
        return new OaiRequest(verb, args);
    }
}
