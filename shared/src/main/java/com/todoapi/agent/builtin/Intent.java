package com.todoapi.agent.builtin;

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

    /** "What did I add earlier?": every task this conversation added, from the window and the summary. */
    record RecallAddedEarlier() implements Intent {
    }

    /** "Complete all", "delete everything completed", "clear my list": list, then act on each. */
    record BulkChange(TaskChange change, ListTasks.Status scope) implements Intent {
    }

    /** "What's task 3 about?": the task, its state and its description. */
    record ShowTask(TaskRef task) implements Intent {
    }

    /** "How many are left?" */
    record CountTasks(ListTasks.Status status) implements Intent {
    }

    /** "Is the dentist on my list?" */
    record FindTask(String words) implements Intent {
    }

    /** "Mark task 3 as not done": no tool can, so the person is told. */
    record CannotReopen() implements Intent {
    }

    /** A title or description longer than a task may hold: refused with the limit, as the REST route does. */
    record TooLong(String field, int length, int max) implements Intent {
    }

    /** Several requests read from one clause ("add milk, eggs and bread"), run in order. */
    record Several(java.util.List<Intent> intents) implements Intent {
        public Several {
            intents = java.util.List.copyOf(intents);
        }
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
