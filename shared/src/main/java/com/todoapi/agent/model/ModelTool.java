package com.todoapi.agent.model;

/** A tool as the model is told of it: name, description and the JSON Schema of its arguments (a JSON text). */
public record ModelTool(String name, String description, String parametersJsonSchema) {
}
