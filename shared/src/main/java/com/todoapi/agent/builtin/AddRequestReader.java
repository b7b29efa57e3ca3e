package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.Found;
import com.todoapi.agent.builtin.when.Schedule;
import com.todoapi.agent.builtin.when.WhenParser;
import com.todoapi.tasks.TaskRules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Add a task to buy groceries", "remind me to call mom", "new task: water the plants"; time words
 * at either end of the title become its due date ("remind me tomorrow at 5pm to call John"), and
 * words it cannot read as a time stay in the title.
 */
final class AddRequestReader {
    private static final String TASK_NOUN = "(?:task|todo|to-do|item|reminder|entry)";
    private static final String LIST_SUFFIX = "(?:\\s+(?:to|on|onto|in|into)\\s+(?:my\\s+|the\\s+)?"
            + "(?:list|tasks|todo\\s+list|to-do\\s+list|todos|to-dos|task\\s+list))?$";
    private static final Patterns ADD_COMMANDS = Patterns.of(
            Pattern.compile("^(?:add(?:ing)?|create|creating|insert|new|jot\\s+down|write\\s+down|note\\s+down"
                    + "|make\\s+(?:a|an|another)(?:\\s+new)?(?=\\s+" + TASK_NOUN + "))\\b\\s*"
                    + "(?:(?:a|an|another|one|new|the|this|my)\\s+)*"
                    + "(?:" + TASK_NOUN + "s?\\b\\s*)?"
                    + "(?:(?:called|named|titled|to|for|saying|that\\s+says|about)\\s+|[:\\-]\\s*)?"
                    + "(.+?)" + LIST_SUFFIX, Utterances.FLAGS),
            Pattern.compile("^put\\s+(.+?)\\s+(?:on|onto|in)\\s+(?:my\\s+|the\\s+)?"
                    + "(?:list|todo\\s+list|to-do\\s+list|task\\s+list|tasks)$", Utterances.FLAGS),
            // Longer phrasings first: "I need to remember to pay bills" is "pay bills", not "remember to pay bills".
            Pattern.compile("^(?:remind\\s+me\\s+to|remind\\s+me\\s+about|i\\s+need\\s+to\\s+remember\\s+to"
                    + "|i\\s+have\\s+to\\s+remember\\s+to|i\\s+must\\s+remember\\s+to|i\\s+should\\s+remember\\s+to"
                    + "|remember\\s+to|don'?t\\s+let\\s+me\\s+forget\\s+to|don'?t\\s+forget\\s+to"
                    + "|help\\s+me\\s+remember\\s+to|i\\s+(?:need|have|must|should|want|ought)\\s+to"
                    + "|i(?:'ve|\\s+have)\\s+got\\s+to|i\\s+gotta|i\\s+must|i\\s+should|need\\s+to|have\\s+to|gotta"
                    + "|todo\\s*:|to-do\\s*:|to\\s+do\\s*:)\\s*[:\\-\u2013\u2014]?\\s*(.+)$", Utterances.FLAGS),
            // Prefixes people write notes with: "todo: ...", "task - ...", "note to self: ...", "don't forget: ...".
            Pattern.compile("^(?:todo|to-do|to\\s+do|task|new\\s+task|note\\s+to\\s+self|note|reminder|remember"
                    + "|don'?t\\s+forget|do\\s+not\\s+forget|need\\s+to|must|gotta|got\\s+to|have\\s+to)"
                    + "\\s*[:\\-\u2013\u2014]\\s*(?:to\\s+)?(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:todo|to-do|note\\s+to\\s+self|reminder|don'?t\\s+forget|do\\s+not\\s+forget"
                    + "|make\\s+sure\\s+(?:i|to)|gotta|got\\s+to)\\s+(?:to\\s+)?(.+)$", Utterances.FLAGS));
    /** "Remind me at 5pm to call John": the time goes after what to do, where the time words are read. */
    private static final Pattern REMIND_AT = Pattern.compile(
            "^(?:remind\\s+me|don'?t\\s+let\\s+me\\s+forget|i\\s+(?:need|have)\\s+to)\\s+((?:at|on|by|before|after|this|next"
                    + "|tomorrow|tonight|today|in|every|first\\s+thing)\\b.*?)\\s+to\\s+(.+)$", Utterances.FLAGS);
    /** "Tomorrow: call John", "tonight I need to ...": the time goes after what to do. */
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^((?:tomorrow|tonight|today|this\\s+(?:morning|afternoon|evening|weekend)|next\\s+\\w+|on\\s+\\w+day)"
                    + "(?:\\s+(?:morning|afternoon|evening|night))?)\\s*[:,\\-]?\\s+(.+)$", Utterances.FLAGS);
    private static final Pattern WITH_DESCRIPTION = Pattern.compile(
            "^(.+?)[\\s,]+(?:with\\s+(?:the\\s+|a\\s+)?(?:description|details|notes?)|(?:description|details|notes?)\\s*:)"
                    + "\\s*(.+)$",
            Utterances.FLAGS);
    private static final Pattern ADD_WITHOUT_TITLE = Pattern.compile(
            "(?:add|create|new|make)(?:\\s+(?:a|an|another|new|one))*(?:\\s+" + TASK_NOUN + "s?)?", Utterances.FLAGS);
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "(?:(?:a|an|another|new|the|one)\\s+)*(?:" + TASK_NOUN + "|something|thing|one)s?", Utterances.FLAGS);

    /** "Remind me ...": with a time, the task gets a reminder then. */
    private static final Pattern ASKS_FOR_REMINDER = Pattern.compile("^(?:remind\\s+me|don'?t\\s+let\\s+me\\s+forget)\\b",
            Utterances.FLAGS);

    private final ItemList items;
    private final WhenParser when;

    AddRequestReader(Lexicon lexicon, WhenParser when) {
        this.items = new ItemList(lexicon);
        this.when = when;
    }

    Optional<Intent> read(String clause) {
        boolean remind = ASKS_FOR_REMINDER.matcher(clause).find();
        return readTitles(clause).map(intent -> remind ? withReminder(intent) : intent);
    }

    /**
     * "Pay rent every month on the 1st", "dentist tomorrow at 3pm": no command, but time words at
     * the end make the rest a task. Asked last, when no other reader understood the clause.
     */
    Optional<Intent> readScheduled(String clause) {
        Optional<Found> found = when.atEnds(clause);
        if (found.isEmpty() || WITH_DESCRIPTION.matcher(clause).matches()) {
            return Optional.empty();
        }
        return Optional.of(addTask(found.get().rest(), Optional.of(found.get().schedule())));
    }

    private static Intent withReminder(Intent intent) {
        return switch (intent) {
            case Intent.AddTask add -> new Intent.AddTask(add.title(), add.description(), add.schedule(), true);
            case Intent.Several several -> new Intent.Several(several.intents().stream().map(AddRequestReader::withReminder).toList());
            default -> intent;
        };
    }

    private Optional<Intent> readTitles(String clause) {
        if (ADD_WITHOUT_TITLE.matcher(clause).matches()) {
            return Optional.of(new Intent.AskForTitle());
        }
        Matcher remindAt = REMIND_AT.matcher(clause);
        if (remindAt.matches()) {
            return Optional.of(addTasks(remindAt.group(2) + " " + remindAt.group(1)));
        }
        Matcher leadingTime = LEADING_TIME.matcher(clause);
        if (leadingTime.matches()) {
            Optional<String> words = ADD_COMMANDS.firstCapture(leadingTime.group(2));
            if (words.isEmpty() && clause.substring(leadingTime.end(1)).matches("\\s*[:\\-].*")) {
                words = Optional.of(leadingTime.group(2));
            }
            if (words.isPresent()) {
                return Optional.of(addTasks(words.get() + " " + leadingTime.group(1)));
            }
        }
        return ADD_COMMANDS.firstCapture(clause).map(this::addTasks);
    }

    /**
     * One task, or one for each item of a list ("milk, eggs and bread"); a description keeps it one
     * task. Time words at either end are the due date of every task the words make.
     */
    private Intent addTasks(String words) {
        Optional<Schedule> schedule = Optional.empty();
        String titles = words;
        if (!WITH_DESCRIPTION.matcher(words).matches()) {
            Optional<Found> found = when.atEnds(words);
            if (found.isPresent()) {
                schedule = Optional.of(found.get().schedule());
                titles = found.get().rest();
            }
        }
        if (WITH_DESCRIPTION.matcher(titles).matches()) {
            return addTask(titles, schedule);
        }
        List<String> each = items.items(titles);
        if (each.size() == 1) {
            return addTask(each.get(0), schedule);
        }
        Optional<Schedule> shared = schedule;
        return new Intent.Several(each.stream().map(title -> addTask(title, shared)).toList());
    }

    private static Intent addTask(String words, Optional<Schedule> schedule) {
        String title = words;
        String description = null;
        Matcher withDescription = WITH_DESCRIPTION.matcher(words);
        if (withDescription.matches()) {
            title = withDescription.group(1);
            description = TitleText.description(withDescription.group(2));
        }
        title = TitleText.title(title);
        if (title.isEmpty() || NOT_A_TITLE.matcher(title).matches()) {
            return new Intent.AskForTitle();
        }
        int length = title.codePointCount(0, title.length());
        if (length > TaskRules.TITLE_MAX) {
            return new Intent.TooLong("title", length, TaskRules.TITLE_MAX);
        }
        if (description != null && description.codePointCount(0, description.length()) > TaskRules.DESCRIPTION_MAX) {
            return new Intent.TooLong("description", description.codePointCount(0, description.length()),
                    TaskRules.DESCRIPTION_MAX);
        }
        return new Intent.AddTask(title, description == null || description.isEmpty() ? null : description, schedule, false);
    }
}
