package com.todoapi.bench.probe;

/** A task as the API shows it (snake_case by the mappers' naming): what every probe answers with. */
public record TaskAnswer(long id, String title, String description, boolean completed, String createdAt,
                         String updatedAt, long version) {
}
