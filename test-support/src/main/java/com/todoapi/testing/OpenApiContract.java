package com.todoapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code openapi.yaml} as a checker of real responses: finds the operation for a request's method
 * and path, then checks that the status is one the operation lists, that every required response
 * header is there, and that header values and the JSON body match their schemas (JSON Schema
 * 2020-12 with the OpenAPI 3.1 dialect, by networknt's validator). A method and path that are
 * no operation must get the gateway's own 404.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY_ERROR = "#/components/schemas/GatewayError";
    /** The name the validator knows the document by; nothing is fetched from it. */
    private static final List<String> DOCUMENT_KEYS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "security", "tags", "paths", "webhooks", "components", "externalDocs");
    private static final String DOCUMENT_IRI = "https://todo-api.invalid/openapi.yaml";

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    private OpenApiContract(String yaml) throws IOException {
        this.document = new YAMLMapper().readTree(yaml);
        // The whole document is the schemas' root; its OpenAPI keys are not schema keywords.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
                .keywords(DOCUMENT_KEYS.stream().map(NonValidationKeyword::new).toList())
                .build();
        this.schemas = SchemaRegistry.withDialect(dialect, builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, yaml))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static OpenApiContract load(Path file) {
        try {
            return new OpenApiContract(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The repository's {@code openapi.yaml}. */
    public static OpenApiContract ofRepository() {
        return load(RepoFiles.root().resolve("openapi.yaml"));
    }

    /** What in {@code response} breaks the contract; empty when nothing does. */
    public List<String> violations(String method, URI uri, HttpResponse<String> response) {
        String what = method + " " + uri.getPath() + " -> " + response.statusCode();
        Optional<String> operation = operationPointer(method.toLowerCase(Locale.ROOT), uri.getPath());
        if (operation.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (response.statusCode() != 404) {
                problems.add(what + ": no operation in openapi.yaml, so only the gateway's 404 is allowed");
            }
            problems.addAll(bodyProblems(what, GATEWAY_ERROR, response.body()));
            return problems;
        }
        JsonNode responses = at(operation.get() + "/responses");
        String status = Integer.toString(response.statusCode());
        String responsePointer = responses.has(status) ? operation.get() + "/responses/" + status
                : responses.has(status.charAt(0) + "XX") ? operation.get() + "/responses/" + status.charAt(0) + "XX"
                : responses.has("default") ? operation.get() + "/responses/default" : null;
        if (responsePointer == null) {
            return List.of(what + ": status not listed for " + at(operation.get()).path("operationId").asText());
        }
        responsePointer = resolved(responsePointer);
        List<String> problems = new ArrayList<>(headerProblems(what, responsePointer, response));
        JsonNode content = at(responsePointer).path("content");
        boolean hasBody = !response.body().isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                problems.add(what + ": a body where the contract has none: " + response.body());
            }
            return problems;
        }
        if (!hasBody) {
            problems.add(what + ": no body where the contract has " + content.fieldNames().next());
            return problems;
        }
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (!contentType.startsWith("application/json")) {
            problems.add(what + ": content type " + contentType + " is not application/json");
        }
        problems.addAll(bodyProblems(what, responsePointer + "/content/application~1json/schema", response.body()));
        return problems;
    }

    /** What in {@code instance} breaks {@code #/components/schemas/<name>}; empty when nothing does. */
    public List<String> schemaViolations(String name, JsonNode instance) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema("#/components/schemas/" + escape(name)).validate(instance)) {
            problems.add(name + ": " + error.getInstanceLocation() + " " + error.getMessage() + " in " + instance);
        }
        return problems;
    }

    private List<String> headerProblems(String what, String responsePointer, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> headers = at(responsePointer).path("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> header = headers.next();
            String pointer = resolved(responsePointer + "/headers/" + escape(header.getKey()));
            JsonNode spec = at(pointer);
            Optional<String> value = response.headers().firstValue(header.getKey());
            if (value.isEmpty()) {
                if (spec.path("required").asBoolean(false)) {
                    problems.add(what + ": required header " + header.getKey() + " is missing");
                }
                continue;
            }
            JsonNode instance = headerValue(value.get(), spec.path("schema"));
            for (Error error : schema(pointer + "/schema").validate(instance)) {
                problems.add(what + ": header " + header.getKey() + " \"" + value.get() + "\": " + error.getMessage());
            }
        }
        return problems;
    }

    private List<String> bodyProblems(String what, String schemaPointer, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(what + ": body is not JSON: " + body);
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema(schemaPointer).validate(instance)) {
            problems.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage() + " in " + body);
        }
        return problems;
    }

    /** A header's value as the JSON its schema expects: headers are strings on the wire. */
    private static JsonNode headerValue(String value, JsonNode schema) {
        String type = schema.path("type").asText("");
        if (type.equals("integer") && value.matches("-?\\d{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** The operation's JSON pointer; a literal segment wins over a template, as API Gateway routes. */
    private Optional<String> operationPointer(String method, String path) {
        String best = null;
        int bestLiterals = -1;
        Iterator<String> templates = document.path("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            int literals = matchingLiterals(template, path);
            if (literals > bestLiterals && document.path("paths").path(template).has(method)) {
                best = template;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best).map(t -> "#/paths/" + escape(t) + "/" + method);
    }

    /** How many of the template's segments are literal, or -1 if the path does not match it. */
    private static int matchingLiterals(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return -1;
                }
            } else if (expected[i].equals(actual[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    /** Follows {@code $ref}s from the node at {@code pointer}; answers the pointer of the node it lands on. */
    private String resolved(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode ref = at(current).path("$ref");
            if (!ref.isTextual()) {
                return current;
            }
            current = ref.asText();
        }
        throw new IllegalStateException("$ref chain too long from " + pointer);
    }

    private JsonNode at(String pointer) {
        JsonNode node = document.at(pointer.substring(1));
        if (node.isMissingNode()) {
            throw new IllegalStateException("openapi.yaml has nothing at " + pointer);
        }
        return node;
    }

    private Schema schema(String pointer) {
        return loaded.computeIfAbsent(pointer, p -> {
            Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + p));
            schema.initializeValidators();
            return schema;
        });
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
