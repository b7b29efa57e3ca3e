package com.todoapi.agent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sentences the assistant answers with. */
final class Replies {
    private static final String WHAT_I_CAN_DO = "I can add tasks (\"add buy milk\"), list them (\"show my tasks\"),"
            + " complete them (\"mark task 3 as done\"), delete them (\"delete task 2\") and rename them"
            + " (\"rename task 1 to Call mom\").";
    private static final Pattern TASK_NOT_FOUND = Pattern.compile("\\btask\\s+#?(\\d+)\\b.*\\bnot\\s+found",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_FOUND = Pattern.compile("\\bnot\\s+found\\b", Pattern.CASE_INSENSITIVE);
    private static final int MAX_QUOTED_CHARS = 60;

    private Replies() {
    }

    static String added(long id, String title) {
        return "Added " + quoted(title) + " as task " + id + ".";
    }

    static String addedWithoutNumber(String title) {
        return "Added " + quoted(title) + ".";
    }

    static String completed(long id, String title) {
        return "Marked " + taskName(id, title) + " as complete.";
    }

    static String deleted(long id, String title) {
        return "Deleted " + taskName(id, title) + ".";
    }

    static String updatedTitle(long id, String title) {
        return "Updated task " + id + ": " + quoted(title) + ".";
    }

    static String updatedDescription(long id, String title) {
        return "Updated the description of " + taskName(id, title) + ".";
    }

    static String taskList(Intent.ListTasks.Status status, List<TaskView> tasks) {
        if (tasks.isEmpty()) {
            return switch (status) {
                case ALL -> "You have no tasks yet. Try \"add buy milk\".";
                case PENDING -> "You have no pending tasks.";
                case COMPLETED -> "You haven't completed any tasks yet.";
            };
        }
        String heading = switch (status) {
            case ALL -> "You have " + count(tasks.size(), "task") + ":";
            case PENDING -> "You have " + count(tasks.size(), "pending task") + ":";
            case COMPLETED -> "You have completed " + count(tasks.size(), "task") + ":";
        };
        return heading + "\n" + lines(tasks);
    }

    static String noMatch(String words) {
        return "I couldn't find a task matching " + quoted(words) + ".";
    }

    static String severalMatch(String words, List<TaskView> matches, String example) {
        return "More than one task matches " + quoted(words) + ":\n" + lines(matches)
                + "\nWhich one do you mean? Tell me its number, e.g. \"" + example + "\".";
    }

    static String notSureWhichTask() {
        return "I'm not sure which task you mean. Tell me its number, e.g. \"mark task 3 as done\".";
    }

    /** A tool error, explained: "Task 9 not found" becomes "I couldn't find task 9." */
    static String toolError(String error) {
        String message = error == null || error.isBlank() ? "something went wrong" : error.strip();
        Matcher taskNotFound = TASK_NOT_FOUND.matcher(message);
        if (taskNotFound.find()) {
            return "I couldn't find task " + taskNotFound.group(1) + ".";
        }
        if (NOT_FOUND.matcher(message).find()) {
            return "I couldn't find that task.";
        }
        boolean endsSentence = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
        return "I couldn't do that: " + message + (endsSentence ? "" : ".");
    }

    static String justAdded(TaskFact task) {
        return "You just added " + quoted(task.title()) + " (task " + task.taskId() + ").";
    }

    static String rememberAdded(TaskFact task) {
        return "The last task I remember you adding is " + quoted(task.title()) + " (task " + task.taskId() + ").";
    }

    static String nothingAddedYet() {
        return "I don't see anything you've added yet.";
    }

    static String smallTalk(Intent.SmallTalk.Kind kind) {
        return switch (kind) {
            case HELLO -> "Hi! I can add, list, complete, delete and rename your tasks. What would you like to do?";
            case THANKS -> "You're welcome! Anything else I can do for you?";
            case BYE -> "Okay, talk to you later! Your tasks will be here.";
        };
    }

    static String help() {
        return WHAT_I_CAN_DO;
    }

    static String askForTitle() {
        return "What should the new task say? For example: \"add buy milk\".";
    }

    static String notUnderstood() {
        return "Sorry, I didn't understand that. " + WHAT_I_CAN_DO;
    }

    /** For a part of a message whose other parts were understood. */
    static String notUnderstoodPart(String text) {
        return "Sorry, I didn't understand " + quoted(text) + ".";
    }

    private static String lines(List<TaskView> tasks) {
        StringBuilder lines = new StringBuilder();
        for (TaskView task : tasks) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(task.completed() ? "[x] " : "[ ] ").append(task.id()).append(". ").append(task.title());
        }
        return lines.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String taskName(long id, String title) {
        return title == null || title.isBlank() ? "task " + id : "task " + id + " " + quoted(title);
    }

    private static String quoted(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_QUOTED_CHARS) {
            return "\"" + text + "\"";
        }
        return "\"" + text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED_CHARS)).strip() + "...\"";
    }
}
