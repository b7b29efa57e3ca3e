package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about one task or about the list that need more than the list itself: "what's task
 * 3 about?", "what's my first task?", "how many are left?", "is the dentist on my list?", "what
 * did I add earlier?"; and "mark task 3 as not done", which no tool can do.
 */
final class QuestionReader {
    private static final String DETAILS = "(?:description|details?|notes?|info(?:rmation)?|desc)";
    /** Group 1 is the task: "what's task 3 about", "tell me about the rent task", "describe task 2". */
    private static final Patterns ABOUT_A_TASK = Patterns.of(
            Pattern.compile("^(?:what(?:'s|\\s+is|s)|whats)\\s+(?:the\\s+)?" + DETAILS + "\\s+(?:of|for|on|in)\\s+(.+)$",
                    Utterances.FLAGS),
            Pattern.compile("^(?:(?:show|give|tell)(?:\\s+me)?|get|read(?:\\s+me)?|what\\s+are)\\s+(?:the\\s+)?" + DETAILS
                    + "\\s+(?:of|for|on|in)\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:does|do)\\s+(.+?)\\s+have\\s+(?:a|any)\\s+" + DETAILS + "$", Utterances.FLAGS),
            Pattern.compile("^(?:what(?:'s|\\s+is|s)|whats)\\s+(.+?)\\s+(?:about|for)$", Utterances.FLAGS),
            Pattern.compile("^(?:what(?:'s|\\s+is|s)|whats)\\s+in\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:what\\s+does|what\\s+did\\s+i\\s+write\\s+(?:in|on|for))\\s+(.+?)(?:\\s+say)?$", Utterances.FLAGS),
            Pattern.compile("^(?:tell\\s+me\\s+(?:more\\s+)?about|describe|more\\s+(?:info\\s+)?(?:on|about)|details\\s+(?:of|for|on))"
                    + "\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:(?:show|open|give)(?:\\s+me)?|view|display)\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:what(?:'s|\\s+is|s)|whats|which\\s+is)\\s+(.+)$", Utterances.FLAGS));
    private static final Pattern HOW_MANY = Pattern.compile("^(?:how\\s+many|count|number\\s+of|what(?:'s|\\s+is)\\s+the\\s+count)\\b",
            Utterances.FLAGS);
    /** Group 1 is what to look for. */
    private static final Patterns IS_IT_ON_MY_LIST = Patterns.of(
            Pattern.compile("^(?:is|are)\\s+(?:there\\s+)?(?:a\\s+task\\s+(?:to|for|about|called)\\s+)?(.+?)\\s+(?:on|in)\\s+"
                    + "(?:my|the)\\s+(?:list|tasks|todo\\s+list|to-do\\s+list|todos)(?:\\s+(?:already|still|yet))?$", Utterances.FLAGS),
            Pattern.compile("^(?:is|are)\\s+(?:there|there's)\\s+(?:a|any)\\s+(?:task|todo|item|reminder)s?\\s+(?:to|for|about|called"
                    + "|named|saying|that\\s+says)\\s+(.+?)(?:\\s+(?:on|in)\\s+(?:my|the)\\s+list)?$", Utterances.FLAGS),
            Pattern.compile("^do\\s+i\\s+(?:already\\s+|still\\s+)?have\\s+(?:a|any)\\s+(?:task|todo|item|reminder)s?\\s+(?:to|for|about"
                    + "|called|named|saying)\\s+(.+?)(?:\\s+(?:on|in)\\s+(?:my|the)\\s+list)?$", Utterances.FLAGS),
            Pattern.compile("^do\\s+i\\s+(?:already\\s+|still\\s+)?have\\s+(.+?)\\s+(?:on|in)\\s+(?:my|the)\\s+(?:list|tasks)$",
                    Utterances.FLAGS),
            Pattern.compile("^(?:did|have)\\s+i\\s+(?:already\\s+)?(?:add|added|put|write|written|wrote)(?:\\s+down)?\\s+(.+?)"
                    + "(?:\\s+(?:to|on|in)\\s+(?:my|the)\\s+list)?(?:\\s+already|\\s+yet)?$", Utterances.FLAGS),
            Pattern.compile("^(?:have\\s+i\\s+got|did\\s+i\\s+(?:already\\s+)?(?:note|save))\\s+(.+?)"
                    + "(?:\\s+(?:on|in)\\s+(?:my|the)\\s+list)?$", Utterances.FLAGS),
            Pattern.compile("^(?:is|are)\\s+(.+?)\\s+(?:done|complete|completed|finished|still\\s+pending|pending|still\\s+open)"
                    + "(?:\\s+yet|\\s+already)?$", Utterances.FLAGS));
    private static final Pattern ADDED_EARLIER = Pattern.compile(
            "^(?:(?:tell|remind|show)\\s+me\\s+)?(?:what|which\\s+tasks?)\\s+(?:did|have)\\s+(?:i|we)\\s+(?:add|added|create|created|put\\s+(?:in|on))"
                    + "(?:\\s+(?:earlier|before|so\\s+far|today|previously|in\\s+this\\s+(?:chat|conversation)|to\\s+(?:my|the)\\s+list))*$",
            Utterances.FLAGS);
    private static final Pattern REOPEN = Pattern.compile(
            "^(?:(?:mark|set|flag|make)\\s+.+?\\s+(?:as\\s+|to\\s+)?(?:not\\s+(?:done|complete|completed|finished)|undone|incomplete"
                    + "|uncompleted|unfinished|pending|open|to\\s+do)|(?:uncomplete|reopen|re-open|undo|uncheck|untick)\\s+.+)$",
            Utterances.FLAGS);
    private static final Pattern PENDING = Pattern.compile(
            "\\b(?:left|remaining|pending|open|outstanding|to\\s+do|unfinished|incomplete|not\\s+(?:yet\\s+)?(?:done|finished|completed)"
                    + "|still|due)\\b", Utterances.FLAGS);
    private static final Pattern COMPLETED = Pattern.compile("\\b(?:done|completed|finished|complete|checked\\s+off|did)\\b",
            Utterances.FLAGS);

    private final TaskRefParser taskRefs;

    QuestionReader(TaskRefParser taskRefs) {
        this.taskRefs = taskRefs;
    }

    Optional<Intent> read(String clause) {
        if (REOPEN.matcher(clause).matches()) {
            return Optional.of(new Intent.CannotReopen());
        }
        if (HOW_MANY.matcher(clause).find()) {
            return Optional.of(new Intent.CountTasks(status(clause)));
        }
        if (ADDED_EARLIER.matcher(clause).matches()) {
            return Optional.of(new Intent.RecallAddedEarlier());
        }
        Optional<String> lookFor = IS_IT_ON_MY_LIST.firstCapture(clause);
        if (lookFor.isPresent()) {
            Optional<TaskRef> ref = taskRefs.parse(lookFor.get());
            if (ref.isPresent() && ref.get() instanceof TaskRef.ByName name) {
                return Optional.of(new Intent.FindTask(name.words()));
            }
            if (ref.isPresent() && !(ref.get() instanceof TaskRef.Several)) {
                return Optional.of(new Intent.ShowTask(ref.get()));
            }
        }
        return aboutOneTask(clause);
    }

    /** Only a task named clearly enough: "what's pending" asks for the list, not for a task called "pending". */
    private Optional<Intent> aboutOneTask(String clause) {
        for (int i = 0; i < 9; i++) {
            Optional<String> words = ABOUT_A_TASK.capture(i, clause);
            if (words.isEmpty()) {
                continue;
            }
            Optional<TaskRef> ref = taskRefs.parse(words.get());
            if (ref.isEmpty() || ref.get() instanceof TaskRef.Several) {
                return Optional.empty();
            }
            boolean asksForDetails = i < 7;
            if (ref.get() instanceof TaskRef.ByName && !asksForDetails) {
                return Optional.empty();
            }
            return Optional.of(new Intent.ShowTask(ref.get()));
        }
        return Optional.empty();
    }

    private static Intent.ListTasks.Status status(String clause) {
        if (PENDING.matcher(clause).find()) {
            return Intent.ListTasks.Status.PENDING;
        }
        return COMPLETED.matcher(clause).find() ? Intent.ListTasks.Status.COMPLETED : Intent.ListTasks.Status.ALL;
    }
}
