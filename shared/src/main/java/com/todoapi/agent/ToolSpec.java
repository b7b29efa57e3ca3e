package com.todoapi.agent;

/**
 * A tool as a model or an MCP client sees it: its name, a title for people, what it does, the
 * JSON Schema of its arguments and of its result (the result as docs/api.md documents it), and
 * hints about its effects.
 */
public record ToolSpec(String name, String title, String description, String parametersJsonSchema,
                       String resultJsonSchema, ToolHints hints) {
}
