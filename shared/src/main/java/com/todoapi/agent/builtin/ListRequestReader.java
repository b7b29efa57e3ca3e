package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about the list ("what's pending?", "what have I done?"), commands to show it
 * ("list my tasks"), and "what did I just add?".
 */
final class ListRequestReader {
    private static final Pattern QUESTION = Pattern.compile(
            "^(?:(?:tell|show)\\s+me\\s+)?(?:what|what's|whats|which|how|do|does|did|is|are|am|have|has|any|anything)\\b",
            Utterances.FLAGS);
    private static final Pattern ASKS_WHAT = Pattern.compile(
            "^(?:(?:tell|remind|show)\\s+me\\s+)?(?:what|what's|whats|which)\\b", Utterances.FLAGS);
    private static final Pattern MENTIONS_ADDING = Pattern.compile("\\b(?:add|added|adding|create|created)\\b",
            Utterances.FLAGS);
    private static final Pattern MENTIONS_RECENT = Pattern.compile(
            "\\b(?:just|last|latest|recent|recently|newest)\\b|^(?:(?:tell|remind|show)\\s+me\\s+)?what\\s+did\\s+i\\s+add\\b",
            Utterances.FLAGS);
    private static final Pattern SHOW_COMMAND = Pattern.compile(
            "^(?:show|list|display|view|see|get|give|print|read|check|pull\\s+up|bring\\s+up|tell)\\b", Utterances.FLAGS);
    private static final Pattern LIST_WORDS = Pattern.compile(
            "\\b(?:tasks?|todos?|to-dos?|list|items?|everything|all|what|what's|anything|agenda|plate|schedule|lined\\s+up"
            + "|up\\s+next|next|do\\s+i\\s+have|to\\s+do|todo|left)\\b", Utterances.FLAGS);
    private static final Pattern BARE_LIST = Pattern.compile(
            "(?:(?:my|all|the)\\s+)*(?:(?:pending|open|remaining|outstanding|unfinished|incomplete|completed|finished"
                    + "|done)\\s+)?(?:tasks?|todos?|to-dos?|list|todo\\s+list|to-do\\s+list|task\\s+list|items)"
                    + "|(?:pending|completed|done|finished|remaining|outstanding)(?:\\s+(?:ones|tasks|items))?",
            Utterances.FLAGS);
    private static final Pattern PENDING_WORDS = Pattern.compile(
            "\\b(?:pending|left|remaining|outstanding|open|incomplete|unfinished|undone|uncompleted|still|due"
                    + "|not\\s+(?:yet\\s+)?(?:done|complete|completed|finished)|(?:have|need|got)\\s+(?:left\\s+)?to\\s+do"
                    + "|haven't|have\\s+not)\\b",
            Utterances.FLAGS);
    private static final Pattern COMPLETED_WORDS = Pattern.compile(
            "\\b(?:completed|complete|done|finished|finish|checked\\s+off|ticked\\s+off|accomplished|achieved|did)\\b",
            Utterances.FLAGS);

    Optional<Intent> readRecall(String clause) {
        boolean recall = ASKS_WHAT.matcher(clause).find()
                && MENTIONS_ADDING.matcher(clause).find()
                && MENTIONS_RECENT.matcher(clause).find();
        return recall ? Optional.of(new Intent.RecallLastAdded()) : Optional.empty();
    }

    Optional<Intent> readQuestion(String clause) {
        Matcher question = QUESTION.matcher(clause);
        if (!question.find()) {
            return Optional.empty();
        }
        Intent.ListTasks.Status status = statusAskedFor(clause);
        String afterQuestionWord = clause.substring(question.end());
        if (status == Intent.ListTasks.Status.ALL && !LIST_WORDS.matcher(afterQuestionWord).find()) {
            return Optional.empty();
        }
        return Optional.of(new Intent.ListTasks(status));
    }

    Optional<Intent> readCommand(String clause) {
        boolean showCommand = SHOW_COMMAND.matcher(clause).find() && (LIST_WORDS.matcher(clause).find()
                || statusAskedFor(clause) != Intent.ListTasks.Status.ALL);
        if (showCommand || BARE_LIST.matcher(clause).matches()) {
            return Optional.of(new Intent.ListTasks(statusAskedFor(clause)));
        }
        return Optional.empty();
    }

    /** Pending words first: "what's not done yet" asks for pending tasks, not completed ones. */
    private static Intent.ListTasks.Status statusAskedFor(String clause) {
        if (PENDING_WORDS.matcher(clause).find()) {
            return Intent.ListTasks.Status.PENDING;
        }
        if (COMPLETED_WORDS.matcher(clause).find()) {
            return Intent.ListTasks.Status.COMPLETED;
        }
        return Intent.ListTasks.Status.ALL;
    }
}
