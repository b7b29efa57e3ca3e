package com.todoapi.agent;

/** One task as list_tasks reports it. */
record TaskView(long id, String title, boolean completed) {
}
