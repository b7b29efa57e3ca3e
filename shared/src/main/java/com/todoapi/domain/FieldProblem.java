package com.todoapi.domain;

/** What is wrong with one field of a request, as the error shape's {@code details} lists it. */
public record FieldProblem(String field, String problem) {
}
