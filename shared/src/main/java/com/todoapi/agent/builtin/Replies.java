package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.Schedule;
import com.todoapi.agent.builtin.when.Spoken;
import com.todoapi.agent.builtin.when.When;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences the assistant answers with, in the language the person wrote in: the texts
 * come from the language files ({@code replies}), with {@code {name}} for what changes and a
 * {@code _one} variant for a count of one.
 */
final class Replies {
    private static final Pattern TASK_NOT_FOUND = Pattern.compile("\\btask\\s+#?(\\d+)\\b.*\\bnot\\s+found",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_FOUND = Pattern.compile("\\bnot\\s+found\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final int MAX_QUOTED_CHARS = 60;

    private final Lexicon texts;
    private final Spoken spoken;

    Replies(Lexicon texts, LocalDate today) {
        this.texts = texts;
        this.spoken = new Spoken(texts.code(), today);
    }

    /** "Added "Call John" as task 4, due tomorrow (Sunday, December 6) at 5 PM. I'll remind you then." */
    String addedDue(long id, String title, Schedule schedule, boolean reminder) {
        String when = spoken.when(schedule.due());
        String sentence = schedule.recurrence()
                .map(rule -> say("added_repeating", "title", quoted(title), "id", id, "repeat", spoken.repeat(rule), "when", when))
                .orElseGet(() -> say("added_due", "title", quoted(title), "id", id, "when", when));
        return reminder ? sentence + " " + say("reminder_set") : sentence;
    }

    String rescheduled(long id, String title, String due) {
        return When.fromWire(due).map(when -> say("rescheduled", "task", taskName(id, title), "when", spoken.when(when)))
                .orElseGet(() -> say("rescheduled", "task", taskName(id, title), "when", due));
    }

    String prioritized(long id, String title, String priority) {
        return priority.equals("none") ? say("priority_removed", "task", taskName(id, title))
                : say("prioritized", "task", taskName(id, title), "priority", say("priority_" + priority));
    }

    String labeled(long id, String title, List<String> labels) {
        return say("labeled", "task", taskName(id, title), "labels", joined(labels.stream().map(Replies::quoted).toList()));
    }

    /** A filtered list: "3 tasks are due today:" and the tasks, or that none are. */
    String filtered(Intent.ListFiltered.Filter filter, String value, List<TaskView> tasks) {
        String shown = switch (filter) {
            case PRIORITY -> say("priority_" + value);
            case DUE_TODAY, OVERDUE -> "";
            default -> quoted(value);
        };
        String key = "filtered_" + filter.key();
        if (tasks.isEmpty()) {
            return say(key + "_none", "value", shown);
        }
        return counted(key, tasks.size(), "value", shown) + "\n" + lines(tasks);
    }

    String zoneNote() {
        return say("zone_note");
    }

    String added(long id, String title) {
        return say("added", "title", quoted(title), "id", id);
    }

    String addedWithoutNumber(String title) {
        return say("added_without_number", "title", quoted(title));
    }

    String completed(long id, String title) {
        return say("completed", "task", taskName(id, title));
    }

    String deleted(long id, String title) {
        return say("deleted", "task", taskName(id, title));
    }

    String updatedTitle(long id, String title) {
        return say("updated_title", "id", id, "title", quoted(title));
    }

    String updatedDescription(long id, String title) {
        return say("updated_description", "task", taskName(id, title));
    }

    String taskList(Intent.ListTasks.Status status, List<TaskView> tasks) {
        String status_ = status.wireName();
        if (tasks.isEmpty()) {
            return say("list_empty_" + status_);
        }
        return counted("list_" + status_, tasks.size()) + "\n" + lines(tasks);
    }

    String count(Intent.ListTasks.Status status, List<TaskView> tasks) {
        String sentence = counted("count_" + status.wireName(), tasks.size());
        return tasks.isEmpty() ? sentence : sentence + "\n" + lines(tasks);
    }

    String bulkDone(TaskChange change, Intent.ListTasks.Status scope, List<TaskView> changed, int failed) {
        if (changed.isEmpty() && failed == 0) {
            return change == TaskChange.COMPLETE ? say("bulk_none_complete") : say("bulk_none_delete_" + scope.wireName());
        }
        String key = change == TaskChange.COMPLETE ? "bulk_completed" : "bulk_deleted";
        String titles = joined(changed.stream().map(task -> quoted(task.title())).toList());
        String sentence = changed.isEmpty() ? "" : counted(key, changed.size(), "titles", titles);
        if (failed > 0) {
            sentence = (sentence + " " + say("bulk_failed_some", "count", failed)).strip();
        }
        return sentence;
    }

    String taskDetail(TaskView task) {
        String state = say(task.completed() ? "state_completed" : "state_pending");
        String detail = say("task_detail", "id", task.id(), "title", quoted(task.title()), "state", state);
        return detail + " " + (task.description().isBlank() ? say("no_description")
                : say("description", "description", task.description()));
    }

    String found(String words, List<TaskView> matches) {
        if (matches.isEmpty()) {
            return say("found_none", "words", quoted(words));
        }
        if (matches.size() == 1) {
            TaskView task = matches.get(0);
            return say("found_one", "title", quoted(task.title()), "id", task.id(),
                    "state", say(task.completed() ? "state_completed" : "state_pending"));
        }
        return say("found_several", "count", matches.size(), "words", quoted(words)) + "\n" + lines(matches);
    }

    String noMatch(String words) {
        return say("no_match", "words", quoted(words));
    }

    String severalMatch(String words, List<TaskView> matches, String example) {
        return say("several_match", "words", quoted(words)) + "\n" + lines(matches) + "\n"
                + say("which_one", "example", example);
    }

    String notSureWhichTask() {
        return say("not_sure_which");
    }

    /** A tool error, explained: "Task 9 not found" becomes "I couldn't find task 9." */
    String toolError(String error) {
        String message = error == null || error.isBlank() ? "something went wrong" : error.strip();
        Matcher taskNotFound = TASK_NOT_FOUND.matcher(message);
        if (taskNotFound.find()) {
            return say("task_not_found", "id", taskNotFound.group(1));
        }
        if (NOT_FOUND.matcher(message).find()) {
            return say("not_found");
        }
        boolean endsSentence = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
        return say("tool_error", "message", message + (endsSentence ? "" : "."));
    }

    String tooLong(String field, int length, int max) {
        return say(field.equals("title") ? "title_too_long" : "description_too_long", "length", length, "max", max);
    }

    String cannotReopen() {
        return say("cannot_reopen");
    }

    String justAdded(TaskFact task) {
        return say("just_added", "title", quoted(task.title()), "id", task.taskId());
    }

    String rememberAdded(TaskFact task) {
        return say("remember_added", "title", quoted(task.title()), "id", task.taskId());
    }

    String addedEarlier(List<TaskFact> added) {
        StringBuilder text = new StringBuilder(say("added_earlier"));
        added.forEach(task -> text.append('\n').append(task.taskId()).append(". ").append(task.title()));
        return text.toString();
    }

    String nothingAddedYet() {
        return say("nothing_added");
    }

    String smallTalk(Intent.SmallTalk.Kind kind) {
        return say(kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    String help() {
        return say("help");
    }

    String askForTitle() {
        return say("ask_for_title");
    }

    String notUnderstood() {
        return say("not_understood", "help", help());
    }

    /** For a part of a message whose other parts were understood. */
    String notUnderstoodPart(String text) {
        return say("not_understood_part", "text", quoted(text));
    }

    private String counted(String key, int count, Object... more) {
        String chosen = count == 1 && texts.hasReply(key + "_one") ? key + "_one" : key;
        Object[] values = new Object[more.length + 2];
        values[0] = "count";
        values[1] = count;
        System.arraycopy(more, 0, values, 2, more.length);
        return say(chosen, values);
    }

    private String say(String key, Object... namesAndValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        Matcher placeholder = PLACEHOLDER.matcher(texts.reply(key));
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(text,
                    Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), placeholder.group())));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private String joined(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + texts.reply("and") + " " + items.getLast();
    }

    private String lines(List<TaskView> tasks) {
        StringBuilder lines = new StringBuilder();
        for (TaskView task : tasks) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(task.completed() ? "[x] " : "[ ] ").append(task.id()).append(". ").append(task.title());
            task.due().ifPresent(due -> lines.append(" (").append(say("due", "when", spoken.brief(due))).append(')'));
        }
        return lines.toString();
    }

    private String taskName(long id, String title) {
        return title == null || title.isBlank() ? say("task_name_untitled", "id", id)
                : say("task_name", "id", id, "title", quoted(title));
    }

    private static String quoted(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_QUOTED_CHARS) {
            return "\"" + text + "\"";
        }
        return "\"" + text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED_CHARS)).strip() + "...\"";
    }
}
