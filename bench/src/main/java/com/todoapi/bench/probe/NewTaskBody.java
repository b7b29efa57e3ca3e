package com.todoapi.bench.probe;

/** The body of a create: {@code {"title": ..., "description": ...}}. */
public record NewTaskBody(String title, String description) {
}
