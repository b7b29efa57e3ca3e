package com.todoapi.agent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What one clause of the person's message asks for, as {@link IntentParser} reads it. */
sealed interface Intent {

    record AddTask(String title, String description) implements Intent {
        /** The add_task arguments: the title, and the description only when the person gave one. */
        Map<String, Object> args() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("title", title);
            if (description != null) {
                args.put("description", description);
            }
            return args;
        }
    }

    record ListTasks(Status status) implements Intent {
        enum Status {
            ALL, PENDING, COMPLETED;

            String wireName() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }

    record CompleteTask(TaskRef task) implements Intent {
    }

    record DeleteTask(TaskRef task) implements Intent {
    }

    /** A new title, a new description, or both; never neither. */
    record UpdateTask(TaskRef task, String title, String description) implements Intent {
        /** The update_task arguments besides task_id. */
        Map<String, Object> changes() {
            Map<String, Object> changes = new LinkedHashMap<>();
            if (title != null) {
                changes.put("title", title);
            }
            if (description != null) {
                changes.put("description", description);
            }
            return changes;
        }
    }

    /** "What did I just add?": answered from the conversation, no tool needed. */
    record RecallLastAdded() implements Intent {
    }

    /** "Add a task" with nothing to call it. */
    record AskForTitle() implements Intent {
    }

    record SmallTalk(Kind kind) implements Intent {
        enum Kind { HELLO, THANKS, BYE }
    }

    record Help() implements Intent {
    }

    record NotUnderstood(String text) implements Intent {
    }
}
