package org.recto.usage;

import org.recto.support.SharedData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON against the schemas of the COUNTER_SUSHI 5.1 OpenAPI file in the shared data (read at test time,
 * never copied): {@code #/components/schemas/<name>}, JSON Schema 2020-12.
 */
final class SushiSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The spec is handed to the validator under this name, read from the shared file (no network, no file loader). */
    private static final String SPEC_IRI = "urn:recto:test:counter-sushi-r51";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(Map.of(SPEC_IRI, read())));

    private static String read() {
        try {
            // The ISIL pattern has "{1,3,4}", which ECMA-262 regexes (JSON Schema's dialect, Annex B) read as
            // literal text but java.util.regex refuses; escape it to keep the ECMA meaning.
            return java.nio.file.Files.readString(SharedData.sushiSpec()).replace("{1,3,4}", "\\\\{1,3,4\\\\}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private SushiSchemas() {
    }

    static List<Error> errors(String schemaName, JsonNode json) {
        Schema schema = CACHE.computeIfAbsent(schemaName, n -> REGISTRY.getSchema(
                SchemaLocation.of(SPEC_IRI + "#/components/schemas/" + n)));
        return schema.validate(json);
    }

    static List<Error> errors(String schemaName, String json) {
        return errors(schemaName, JSON.readTree(json));
    }
}
