package com.todoapi.agent;

/** A tool as a model sees it: name, what it does, and the JSON Schema of its arguments. */
public record ToolSpec(String name, String description, String parametersJsonSchema) {
}
