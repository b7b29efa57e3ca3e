package com.todoapi.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Add a task to buy groceries", "remind me to call mom", "new task: water the plants". */
final class AddRequestReader {
    private static final String TASK_NOUN = "(?:task|todo|to-do|item|reminder|entry)";
    private static final String LIST_SUFFIX = "(?:\\s+(?:to|on|onto|in|into)\\s+(?:my\\s+|the\\s+)?"
            + "(?:list|tasks|todo\\s+list|to-do\\s+list|todos|to-dos|task\\s+list))?$";
    private static final Patterns ADD_COMMANDS = Patterns.of(
            Pattern.compile("^(?:add|create|insert|new|jot\\s+down|write\\s+down|note\\s+down"
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
                    + "|todo\\s*:|to-do\\s*:|to\\s+do\\s*:)\\s*(.+)$", Utterances.FLAGS));
    private static final Pattern WITH_DESCRIPTION = Pattern.compile(
            "^(.+?)[\\s,]+(?:with\\s+(?:the\\s+|a\\s+)?(?:description|details|notes?)|(?:description|details|notes?)\\s*:)"
                    + "\\s*(.+)$",
            Utterances.FLAGS);
    private static final Pattern ADD_WITHOUT_TITLE = Pattern.compile(
            "(?:add|create|new|make)(?:\\s+(?:a|an|another|new|one))*(?:\\s+" + TASK_NOUN + "s?)?", Utterances.FLAGS);
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "(?:(?:a|an|another|new|the|one)\\s+)*(?:" + TASK_NOUN + "|something|thing|one)s?", Utterances.FLAGS);

    Optional<Intent> read(String clause) {
        if (ADD_WITHOUT_TITLE.matcher(clause).matches()) {
            return Optional.of(new Intent.AskForTitle());
        }
        return ADD_COMMANDS.firstCapture(clause).map(AddRequestReader::addTask);
    }

    private static Intent addTask(String words) {
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
        return new Intent.AddTask(title, description == null || description.isEmpty() ? null : description);
    }
}
