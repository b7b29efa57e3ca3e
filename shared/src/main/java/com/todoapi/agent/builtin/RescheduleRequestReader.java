package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.Schedule;
import com.todoapi.agent.builtin.when.WhenParser;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Move the dentist to friday", "reschedule task 3 for tomorrow at 9am", "push the report to next
 * week", "change the due date of the report to monday", "the report is due friday". A new due date
 * only: words that are no time ("move the dentist to the other room") are not this request.
 */
final class RescheduleRequestReader {
    /** Group 1 is the task, group 2 the time words. */
    private static final Patterns PATTERNS = Patterns.of(
            Pattern.compile("^(?:move|reschedule|postpone|push|bump|delay|shift|put\\s+off|defer)\\s+(.+?)\\s+"
                    + "(?:to|for|until|till|til|back\\s+to|out\\s+to)\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:change|set|update|make)\\s+(?:the\\s+)?(?:due\\s+date|due\\s+time|due|deadline|date)\\s+"
                    + "(?:of|for|on)\\s+(.+?)\\s+(?:to|for|as)\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:make|set)\\s+(.+?)\\s+due\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?!what|which|is\\s|are\\s)(.+?)\\s+(?:is|should\\s+be)\\s+(?:now\\s+)?due\\s+(.+)$",
                    Utterances.FLAGS));

    private final TaskRefParser taskRefs;
    private final WhenParser when;

    RescheduleRequestReader(TaskRefParser taskRefs, WhenParser when) {
        this.taskRefs = taskRefs;
        this.when = when;
    }

    Optional<Intent> read(String clause) {
        for (Matcher matcher : PATTERNS.matching(clause)) {
            Optional<Schedule> due = when.whole(matcher.group(2));
            if (due.isPresent() && due.get().recurrence().isEmpty()) {
                Optional<TaskRef> task = taskRefs.parse(matcher.group(1));
                if (task.isPresent()) {
                    return Optional.of(new Intent.Reschedule(task.get(), due.get().due()));
                }
            }
        }
        return Optional.empty();
    }
}
