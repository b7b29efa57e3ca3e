package com.todoapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code asyncapi.yaml} as a checker of real events: an event's {@code type} (or a client
 * message's {@code action}) picks its message, whose payload schema must accept it (AsyncAPI 3.0's
 * default schema format, a superset of JSON Schema draft 07, by networknt's validator); and a
 * task or a reply inside an event must match openapi.yaml's {@code Task} or {@code Message}, since
 * the events carry them exactly as the HTTP API shows them. The document itself is validated by
 * the official AsyncAPI parser ({@code .ci/asyncapi/check}).
 */
public final class AsyncApiContract {
    private static final String DOCUMENT_IRI = "https://todo-api.invalid/asyncapi.yaml";
    private static final List<String> DOCUMENT_KEYS = List.of("asyncapi", "info", "servers", "defaultContentType",
            "channels", "operations", "components", "id");

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();
    private final Map<String, String> payloadByName = new LinkedHashMap<>();

    private AsyncApiContract(String yaml) throws IOException {
        this.document = new YAMLMapper().readTree(yaml);
        Dialect dialect = Dialect.builder(Dialects.getDraft7())
                .keywords(DOCUMENT_KEYS.stream().map(NonValidationKeyword::new).toList())
                .build();
        this.schemas = SchemaRegistry.withDialect(dialect, builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, yaml))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Iterator<Map.Entry<String, JsonNode>> messages = document.at("/components/messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> message = messages.next();
            payloadByName.put(message.getValue().path("name").asText(), message.getValue().at("/payload/$ref").asText());
        }
    }

    public static AsyncApiContract ofRepository() {
        Path file = RepoFiles.root().resolve("asyncapi.yaml");
        try {
            return new AsyncApiContract(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The messages' names ({@code task.changed}, {@code pong}, {@code ping}, ...), as the document lists them. */
    public List<String> messageNames() {
        return List.copyOf(payloadByName.keySet());
    }

    /** What in a message received or sent breaks the contract; empty when nothing does. */
    public List<String> violations(JsonNode message) {
        String name = message.has("type") ? message.path("type").asText() : message.path("action").asText();
        String payload = payloadByName.get(name);
        if (payload == null) {
            return List.of("no message named \"" + name + "\" in asyncapi.yaml: " + message);
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema(payload).validate(message)) {
            problems.add(name + ": " + error.getInstanceLocation() + " " + error.getMessage() + " in " + message);
        }
        JsonNode task = message.path("task");
        if (task.isObject() && !task.has("deleted")) {
            problems.addAll(ServiceClientContract.OPENAPI.schemaViolations("Task", task));
        }
        if (message.path("reply").isObject()) {
            problems.addAll(ServiceClientContract.OPENAPI.schemaViolations("Message", message.path("reply")));
        }
        return problems;
    }

    /** Every message's examples, each checked as a real message would be. */
    public List<String> exampleViolations() {
        List<String> problems = new ArrayList<>();
        for (JsonNode message : document.at("/components/messages")) {
            for (JsonNode example : message.path("examples")) {
                violations(example.path("payload")).forEach(problem -> problems.add("example of "
                        + message.path("name").asText() + ": " + problem));
            }
        }
        return problems;
    }

    private Schema schema(String pointer) {
        return loaded.computeIfAbsent(pointer, p -> {
            Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + p));
            schema.initializeValidators();
            return schema;
        });
    }

    /** openapi.yaml, loaded once, for the task and reply objects the events carry. */
    private static final class ServiceClientContract {
        static final OpenApiContract OPENAPI = OpenApiContract.ofRepository();
    }
}
