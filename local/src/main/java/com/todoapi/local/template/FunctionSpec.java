package com.todoapi.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@code AWS::Serverless::Function}, with the template's Globals applied. */
public record FunctionSpec(
        String logicalId,
        String handler,
        Path codeUri,
        String runtime,
        int memorySizeMb,
        int timeoutSeconds,
        Map<String, Object> environment,
        List<HttpRoute> routes,
        List<SqsSource> sqsSources,
        List<ScheduleSource> schedules) {

    static FunctionSpec from(String logicalId, Map<String, Object> p, Path templateDirectory) {
        Object handler = p.get("Handler");
        Object codeUri = p.get("CodeUri");
        if (handler == null || !(codeUri instanceof String path)) {
            throw new IllegalArgumentException("Function " + logicalId + " needs a Handler and a local CodeUri folder");
        }
        List<HttpRoute> routes = new ArrayList<>();
        List<SqsSource> sqs = new ArrayList<>();
        List<ScheduleSource> schedules = new ArrayList<>();
        Yaml.map(p.get("Events")).forEach((name, e) -> {
            Map<String, Object> event = Yaml.map(e);
            Map<String, Object> props = Yaml.map(event.get("Properties"));
            switch (Yaml.string(event.get("Type"), "")) {
                case "HttpApi" -> routes.add(HttpRoute.of(logicalId, props));
                case "SQS" -> sqs.add(SqsSource.of(name, props));
                case "Schedule", "ScheduleV2" -> schedules.add(ScheduleSource.of(logicalId + "." + name, props));
                default -> throw new IllegalArgumentException("Function " + logicalId + ", event " + name
                        + ": type " + event.get("Type") + " is not run by the local runtime");
            }
        });
        return new FunctionSpec(logicalId, handler.toString(), templateDirectory.resolve(path).normalize(),
                Yaml.string(p.get("Runtime"), "java21"),
                Yaml.integer(p.get("MemorySize"), 128),
                Yaml.integer(p.get("Timeout"), 3),
                Yaml.map(Yaml.map(p.get("Environment")).get("Variables")),
                List.copyOf(routes), List.copyOf(sqs), List.copyOf(schedules));
    }

    /** The same function configured with another memory size (its heap, and its CPU where something caps it). */
    public FunctionSpec withMemorySizeMb(int memoryMb) {
        return new FunctionSpec(logicalId, handler, codeUri, runtime, memoryMb, timeoutSeconds, environment, routes,
                sqsSources, schedules);
    }

    /** The same function with its code in another folder (laid out as {@link #packageDirectory()} expects). */
    public FunctionSpec withCodeUri(Path otherCodeUri) {
        return new FunctionSpec(logicalId, handler, otherCodeUri, runtime, memorySizeMb, timeoutSeconds, environment, routes,
                sqsSources, schedules);
    }

    /** Where {@code mvn package} puts the function's Lambda layout (lib/*.jar). */
    public Path packageDirectory() {
        return codeUri.resolve("target").resolve("lambda");
    }
}
