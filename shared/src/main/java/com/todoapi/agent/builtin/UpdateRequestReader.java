package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Change task 1 to 'Call mom tonight'", "rename task 1 to Call mom tonight",
 * "update task 2 title to \"Pay rent\"", "change the description of task 1 to bring receipts".
 */
final class UpdateRequestReader {
    private static final String VERB = "(?:change|rename|update|edit|modify|set)";
    private static final String FIELD = "(title|name|text|wording|description|desc|details|detail|notes|note)";
    private static final String TO = "(?:\\s(?:to\\s+say|to\\s+read|so\\s+it\\s+says|to|as|into)\\s|:)";
    /** "change the description of task 1 to ...": groups field, task, value. */
    private static final Pattern FIELD_OF_TASK = Pattern.compile(
            "^" + VERB + "\\s+(?:the\\s+)?" + FIELD + "\\s+(?:of|for|on|in)\\s+(.+?)\\s*" + TO + "\\s*(.+)$",
            Utterances.FLAGS);
    /** "change task 1 to ...", "update task 2 title to ...": groups task, field (optional), value. */
    private static final Pattern TASK_FIELD = Pattern.compile(
            "^" + VERB + "\\s+(.+?)(?:'s)?(?:\\s+" + FIELD + ")?\\s*" + TO + "\\s*(.+)$", Utterances.FLAGS);
    private static final Pattern DESCRIPTION_FIELD = Pattern.compile("desc|description|details?|notes?",
            Utterances.FLAGS);
    /** "Change task 3 to done" means complete it, not rename it "Done". */
    private static final Pattern DONE = Pattern.compile("(?:done|complete|completed|finished)", Utterances.FLAGS);

    private final TaskRefParser taskRefs;

    UpdateRequestReader(TaskRefParser taskRefs) {
        this.taskRefs = taskRefs;
    }

    Optional<Intent> read(String clause) {
        Matcher fieldOfTask = FIELD_OF_TASK.matcher(clause);
        if (fieldOfTask.matches()) {
            return update(fieldOfTask.group(2), fieldOfTask.group(1), fieldOfTask.group(3));
        }
        Matcher taskField = TASK_FIELD.matcher(clause);
        if (taskField.matches()) {
            return update(taskField.group(1), taskField.group(2), taskField.group(3));
        }
        return Optional.empty();
    }

    private Optional<Intent> update(String taskWords, String field, String value) {
        Optional<TaskRef> task = taskRefs.parse(taskWords);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        if (field != null && DESCRIPTION_FIELD.matcher(field).matches()) {
            String description = TitleText.description(value);
            return description.isEmpty() ? Optional.empty()
                    : Optional.of(new Intent.UpdateTask(task.get(), null, description));
        }
        String title = TitleText.title(value);
        if (field == null && DONE.matcher(title).matches()) {
            return Optional.of(new Intent.CompleteTask(task.get()));
        }
        if (title.codePointCount(0, title.length()) > com.todoapi.tasks.TaskRules.TITLE_MAX) {
            return Optional.of(new Intent.TooLong("title", title.codePointCount(0, title.length()),
                    com.todoapi.tasks.TaskRules.TITLE_MAX));
        }
        return title.isEmpty() ? Optional.empty() : Optional.of(new Intent.UpdateTask(task.get(), title, null));
    }
}
