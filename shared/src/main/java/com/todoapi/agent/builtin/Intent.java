package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.Schedule;
import com.todoapi.agent.builtin.when.When;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What one clause of the person's message asks for, as {@link IntentParser} reads it. */
sealed interface Intent {

    /**
     * A new task; with time words, its due date (and repeat rule), and with "remind me" and a time,
     * a reminder at the due time.
     */
    record AddTask(String title, String description, Optional<Schedule> schedule, boolean remind) implements Intent {
        AddTask(String title, String description) {
            this(title, description, Optional.empty(), false);
        }

        /** The add_task arguments: the title, and the rest only when the person gave them. */
        Map<String, Object> args() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("title", title);
            if (description != null) {
                args.put("description", description);
            }
            schedule.ifPresent(when -> {
                args.put("due", when.due().wire());
                when.recurrence().ifPresent(rule -> args.put("recurrence", rule));
                if (remind && when.due().hasTime()) {
                    args.put("remind_at", when.due().wire());
                }
            });
            return args;
        }

        boolean remindsAt() {
            return remind && schedule.map(when -> when.due().hasTime()).orElse(false);
        }
    }

    /** "Move the dentist to friday": a new due date, nothing else. */
    record Reschedule(TaskRef task, When due) implements Intent {
    }

    /** "Make the report high priority": one of none, low, medium, high. */
    record SetPriority(TaskRef task, String priority) implements Intent {
    }

    /** "Tag milk as groceries": labels added to those the task has. */
    record AddLabels(TaskRef task, List<String> labels) implements Intent {
        public AddLabels {
            labels = List.copyOf(labels);
        }
    }

    /** "What's due today?", "what's overdue?", "show my work tasks", "find anything about taxes". */
    record ListFiltered(Filter filter, String value) implements Intent {
        enum Filter {
            DUE_TODAY("due_today"), OVERDUE("overdue"), LABEL("label"), PRIORITY("priority"), QUERY("query");

            private final String argument;

            Filter(String argument) {
                this.argument = argument;
            }

            /** The list_tasks arguments: a flag, or the label, priority or words asked for. */
            Map<String, Object> args(String value) {
                return switch (this) {
                    case DUE_TODAY, OVERDUE -> Map.of(argument, true);
                    default -> Map.of(argument, value);
                };
            }

            String key() {
                return argument;
            }
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
