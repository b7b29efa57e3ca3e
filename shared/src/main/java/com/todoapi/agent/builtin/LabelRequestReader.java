package com.todoapi.agent.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Tag milk as groceries", "label task 3 work", "add the label urgent to the report", "put milk
 * under groceries". The labels join those the task has; "and" or commas give several.
 */
final class LabelRequestReader {
    /** Group 1 is the task, group 2 the labels. */
    private static final Patterns TASK_THEN_LABELS = Patterns.of(
            Pattern.compile("^(?:tag|label)\\s+(.+?)\\s+(?:as|with|under|in)\\s+(?:the\\s+)?(?:labels?\\s+|tags?\\s+)?(.+?)"
                    + "(?:\\s+(?:label|tag)s?)?$", Utterances.FLAGS),
            Pattern.compile("^(?:file|put)\\s+(.+?)\\s+under\\s+(.+)$", Utterances.FLAGS));
    /** Group 1 is the labels, group 2 the task. */
    private static final Pattern LABELS_THEN_TASK = Pattern.compile(
            "^(?:add|put|give)\\s+(?:the\\s+|a\\s+)?(?:label|tag)s?\\s+(.+?)\\s+(?:to|on)\\s+(.+)$", Utterances.FLAGS);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+|y\\s+)?|\\s+(?:and|y|&)\\s+", Utterances.FLAGS);
    private static final Pattern LABEL = Pattern.compile("#?([\\p{L}\\p{N}][\\p{L}\\p{N} _\\-]{0,49})", Utterances.FLAGS);
    private static final int MAX_LABELS = 10;

    private final TaskRefParser taskRefs;

    LabelRequestReader(TaskRefParser taskRefs) {
        this.taskRefs = taskRefs;
    }

    Optional<Intent> read(String clause) {
        List<Matcher> taskFirst = TASK_THEN_LABELS.matching(clause);
        if (!taskFirst.isEmpty()) {
            return labels(taskFirst.get(0).group(1), taskFirst.get(0).group(2));
        }
        Matcher labelsFirst = LABELS_THEN_TASK.matcher(clause);
        return labelsFirst.matches() ? labels(labelsFirst.group(2), labelsFirst.group(1)) : Optional.empty();
    }

    private Optional<Intent> labels(String taskWords, String labelWords) {
        List<String> labels = new ArrayList<>();
        for (String word : SEPARATOR.split(TitleText.description(labelWords))) {
            Matcher label = LABEL.matcher(word.strip());
            if (!label.matches()) {
                return Optional.empty();
            }
            labels.add(label.group(1).strip());
        }
        if (labels.isEmpty() || labels.size() > MAX_LABELS) {
            return Optional.empty();
        }
        return taskRefs.parse(taskWords).map(task -> new Intent.AddLabels(task, labels));
    }
}
