package com.todoapi.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The SAM template, the single source of truth: what the local runtime and the tests provision
 * and run is read from here, so a route missing from it is missing everywhere.
 */
public final class Template {
    private final Path directory;
    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> functionGlobals;
    private final Map<String, Map<String, Object>> resources;

    private Template(Path directory, Map<String, Object> root) {
        this.directory = directory;
        this.parameters = Yaml.map(root.get("Parameters"));
        this.conditions = Yaml.map(root.get("Conditions"));
        this.functionGlobals = Yaml.map(Yaml.map(root.get("Globals")).get("Function"));
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        Yaml.map(root.get("Resources")).forEach((id, resource) -> byId.put(id, Yaml.map(resource)));
        this.resources = byId;
    }

    public static Template load(Path file) {
        try {
            return new Template(file.toAbsolutePath().getParent(), TemplateYaml.read(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder the template lives in; {@code CodeUri} paths are relative to it. */
    public Path directory() {
        return directory;
    }

    public Optional<String> resourceType(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId)).map(r -> (String) r.get("Type"));
    }

    /** A parameter's {@code Default}, if it declares one. */
    public Optional<String> parameterDefault(String name) {
        return Optional.ofNullable(Yaml.map(parameters.get(name)).get("Default")).map(String::valueOf);
    }

    public Set<String> parameterNames() {
        return parameters.keySet();
    }

    public boolean hasParameter(String name) {
        return parameters.containsKey(name);
    }

    /** A parameter's {@code Type} ({@code String}, {@code Number}, {@code CommaDelimitedList}...). */
    public Optional<String> parameterType(String name) {
        return Optional.ofNullable(Yaml.map(parameters.get(name)).get("Type")).map(String::valueOf);
    }

    /** A condition's expression as written under {@code Conditions}. */
    public Optional<Object> condition(String name) {
        return Optional.ofNullable(conditions.get(name));
    }

    /** The {@code CorsConfiguration} of the template's HTTP API, unresolved, if it has one. */
    public Optional<Object> httpApiCorsConfiguration() {
        return resources.values().stream()
                .filter(r -> "AWS::Serverless::HttpApi".equals(r.get("Type")))
                .map(r -> Yaml.map(r.get("Properties")).get("CorsConfiguration"))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public List<TableSpec> tables() {
        return resourcesOfType("AWS::DynamoDB::Table", TableSpec::new);
    }

    public List<QueueSpec> queues() {
        return resourcesOfType("AWS::SQS::Queue", QueueSpec::new);
    }

    /** The template's API Gateway WebSocket APIs ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}). */
    public List<WebSocketApiSpec> webSocketApis() {
        return WebSocketApiSpec.from(resources);
    }

    public List<FunctionSpec> functions() {
        return resourcesOfType("AWS::Serverless::Function",
                (id, properties) -> FunctionSpec.from(id, withGlobals(properties), directory));
    }

    private <T> List<T> resourcesOfType(String type, BiFunction<String, Map<String, Object>, T> make) {
        List<T> found = new ArrayList<>();
        resources.forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                found.add(make.apply(id, Yaml.map(r.get("Properties"))));
            }
        });
        return found;
    }

    public FunctionSpec function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in the template; it has "
                        + functions().stream().map(FunctionSpec::logicalId).toList()));
    }

    /** SAM's Globals rules: a function's own value wins; maps (environment variables) merge. */
    private Map<String, Object> withGlobals(Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(functionGlobals);
        own.forEach((key, value) -> {
            if (key.equals("Environment")) {
                Map<String, Object> variables = new LinkedHashMap<>(variables(functionGlobals.get(key)));
                variables.putAll(variables(value));
                merged.put(key, Map.of("Variables", variables));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Map<String, Object> variables(Object environment) {
        return Yaml.map(Yaml.map(environment).get("Variables"));
    }
}
