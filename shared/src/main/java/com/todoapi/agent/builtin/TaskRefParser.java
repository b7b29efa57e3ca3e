package com.todoapi.agent.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words that name a task into a {@link TaskRef}: "task 3", "#4", "task two", "it",
 * "the second one", "the last task", "the meeting task", and lists of numbers or places
 * ("tasks 1 and 2", "1, 2 and 4", "#3 and #5", "tasks 2 to 4").
 */
final class TaskRefParser {
    /** Task numbers fit a long; a longer run of digits names no task. */
    private static final int MAX_ID_DIGITS = 18;
    /** "tasks 1 to 500" is no request a person makes of a chat. */
    private static final int MAX_RANGE = 50;
    private static final Pattern PREVIOUS = Pattern.compile(
            "(?:it|that|this|that one|this one|that task|this task|the same task|the same one"
                    + "|the (?:one|task) i just (?:added|created|made))", Utterances.FLAGS);
    private static final Pattern BY_NUMBER = Pattern.compile(
            "(?:(?:the|my)\\s+)?(?:(?:task|item|todo|to-do|entry)\\s*)?(?:(?:number|num|no\\.?)\\s*)?#?\\s*"
                    + "(\\d+)(?:st|nd|rd|th)?(?:\\s+(?:task|item|todo|one))?",
            Utterances.FLAGS);
    private static final Pattern LEADING_PLURAL = Pattern.compile(
            "^(?:(?:the|my)\\s+)?(?:tasks|items|todos|to-dos|numbers|ones|entries|task|item|number|nos?\\.?)\\s+",
            Utterances.FLAGS);
    private static final Pattern TRAILING_PLURAL = Pattern.compile("\\s+(?:tasks|items|todos|ones|entries)$",
            Utterances.FLAGS);
    private static final Pattern RANGE = Pattern.compile("#?(\\d{1,6})\\s*(?:-|to|through|thru|until|till)\\s*#?(\\d{1,6})",
            Utterances.FLAGS);
    private static final Pattern LEADING_CALLED = Pattern.compile(
            "^(?:task|todo|to-do|item|one|entry)s?\\s+(?:called|named|titled|about|for|to|that says|saying)\\s+",
            Utterances.FLAGS);
    private static final Pattern TRAILING_NOUN = Pattern.compile("\\s+(?:task|todo|to-do|item|one|entry)s?$",
            Utterances.FLAGS);
    private static final Pattern TRAILING_LIST = Pattern.compile(
            "\\s+(?:on|in|from|off)\\s+(?:my|the)\\s+(?:list|tasks|todo\\s+list|to-do\\s+list)$", Utterances.FLAGS);
    /** Words too vague to pick a task by: "delete all tasks" is not a request to delete one. */
    private static final Pattern TOO_VAGUE = Pattern.compile(
            "(?:all|everything|every(?:\\s+\\w+)?|all\\s+\\w+|any|anything|tasks?|todos?|items?|something|one|them|those"
                    + "|these|list|my list|the list)",
            Utterances.FLAGS);
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final Lexicon lexicon;
    private final Pattern byPosition;

    TaskRefParser(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.byPosition = Pattern.compile("(?:very\\s+)?" + lexicon.positionWords().pattern()
                + "(?:\\s+(?:one|task|item|todo|to-do|entry|thing))?"
                + "(?:\\s+(?:on|in)\\s+(?:my|the)\\s+(?:list|tasks))?"
                + "(?:\\s+(?:i|you)(?:\\s+just)?\\s+(?:added|created|made|wrote|put\\s+in))?", Language.FLAGS);
    }

    Optional<TaskRef> parse(String words) {
        String target = TitleText.description(words);
        Optional<TaskRef> one = parseOne(target);
        if (one.isPresent() && !(one.get() instanceof TaskRef.ByName)) {
            return one;
        }
        Optional<TaskRef> several = parseSeveral(target);
        return several.isPresent() ? several : one;
    }

    private Optional<TaskRef> parseOne(String words) {
        String target = TRAILING_LIST.matcher(words.strip()).replaceFirst("");
        if (PREVIOUS.matcher(target).matches()) {
            return Optional.of(new TaskRef.Previous());
        }
        Matcher number = BY_NUMBER.matcher(withDigits(target));
        if (number.matches()) {
            return number.group(1).length() > MAX_ID_DIGITS ? Optional.empty()
                    : Optional.of(new TaskRef.ById(Long.parseLong(number.group(1))));
        }
        Matcher position = byPosition.matcher(withoutArticles(target));
        if (position.matches()) {
            OptionalInt place = lexicon.position(SPACE.matcher(position.group(1)).replaceAll(" "));
            if (place.isPresent()) {
                return Optional.of(new TaskRef.ByPosition(place.getAsInt()));
            }
        }
        String name = titleWords(target);
        if (name.isEmpty() || TOO_VAGUE.matcher(name).matches() || !HAS_LETTER_OR_DIGIT.matcher(name).find()) {
            return Optional.empty();
        }
        return Optional.of(new TaskRef.ByName(name));
    }

    /** Several numbers or places; several names are left to the runner, which knows the titles. */
    private Optional<TaskRef> parseSeveral(String target) {
        String rest = TRAILING_PLURAL.matcher(LEADING_PLURAL.matcher(withoutArticles(target)).replaceFirst(""))
                .replaceFirst("");
        Matcher range = RANGE.matcher(rest);
        if (range.matches()) {
            long from = Long.parseLong(range.group(1));
            long to = Long.parseLong(range.group(2));
            if (from >= 1 && to > from && to - from < MAX_RANGE) {
                List<TaskRef> ids = new ArrayList<>();
                for (long id = from; id <= to; id++) {
                    ids.add(new TaskRef.ById(id));
                }
                return Optional.of(new TaskRef.Several(ids));
            }
        }
        String[] pieces = lexicon.listSeparator().split(rest);
        if (pieces.length < 2) {
            return Optional.empty();
        }
        List<TaskRef> refs = new ArrayList<>();
        for (String piece : pieces) {
            Optional<TaskRef> ref = parseOne(piece.strip());
            if (ref.isEmpty() || !(ref.get() instanceof TaskRef.ById || ref.get() instanceof TaskRef.ByPosition)) {
                return Optional.empty();
            }
            refs.add(ref.get());
        }
        return Optional.of(new TaskRef.Several(refs));
    }

    /** "task two" reads as "task 2". */
    private String withDigits(String target) {
        String[] words = SPACE.split(target);
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            OptionalInt number = lexicon.number(word);
            text.append(text.isEmpty() ? "" : " ").append(number.isPresent() ? String.valueOf(number.getAsInt()) : word);
        }
        return text.toString();
    }

    private String withoutArticles(String target) {
        String text = target.strip();
        String previous;
        do {
            previous = text;
            text = lexicon.leadingArticle().matcher(text).replaceFirst("");
        } while (!text.equals(previous));
        return text;
    }

    /** "the task called groceries" and "the groceries task" both come down to "groceries". */
    private String titleWords(String target) {
        String name = target;
        String previous;
        do {
            previous = name;
            name = lexicon.leadingArticle().matcher(name).replaceFirst("");
            name = LEADING_CALLED.matcher(name).replaceFirst("");
            name = TRAILING_NOUN.matcher(name).replaceFirst("");
            name = TitleText.description(name);
        } while (!name.equals(previous));
        return name;
    }
}
