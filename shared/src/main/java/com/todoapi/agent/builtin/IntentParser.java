package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.WhenParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a whole message into the intents it holds, in the order the person gave them. */
final class IntentParser {
    /** Longer messages are not commands; reading them is not worth the time. */
    static final int MAX_MESSAGE_CHARS = 1_000;

    private final ClauseSplitter splitter = new ClauseSplitter();
    private final ClauseParser clauses;
    private final AddRequestReader adds;

    /** {@code when} reads time words relative to the turn's time in the person's zone. */
    IntentParser(Lexicon lexicon, WhenParser when) {
        this.clauses = new ClauseParser(lexicon, when);
        this.adds = new AddRequestReader(lexicon, when);
    }

    List<Intent> parse(String message) {
        String text = Utterances.normalize(message);
        if (text.isEmpty()) {
            return List.of(new Intent.NotUnderstood(""));
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            // Too long to be read as commands; but "add" and a long title deserves the title limit, not "huh?".
            Optional<Intent> add = adds.read(Utterances.stripFillers(text));
            return List.of(add.filter(intent -> intent instanceof Intent.TooLong).orElse(new Intent.NotUnderstood("")));
        }
        List<Intent> intents = new ArrayList<>();
        String previousText = null;
        for (ClauseSplitter.Clause clause : splitter.split(text)) {
            Optional<Intent> intent = clauses.parse(clause.text());
            if (intent.isEmpty() && previousText != null && takesFreeText(intents.getLast())) {
                // "add finish report and update slides": "update slides" is no request, so it was part of the title.
                Optional<Intent> merged = clauses.parse(previousText + clause.joiner() + clause.text());
                if (merged.isPresent() && takesFreeText(merged.get())) {
                    intents.set(intents.size() - 1, merged.get());
                    previousText = previousText + clause.joiner() + clause.text();
                    continue;
                }
            }
            intents.add(intent.orElseGet(() -> new Intent.NotUnderstood(clause.text())));
            previousText = clause.text();
        }
        return withoutSmallTalkBesideRequests(flattened(intents));
    }

    private static List<Intent> flattened(List<Intent> intents) {
        List<Intent> flat = new ArrayList<>();
        for (Intent intent : intents) {
            if (intent instanceof Intent.Several several) {
                flat.addAll(several.intents());
            } else {
                flat.add(intent);
            }
        }
        return flat;
    }

    /** Intents whose last words are a title or description the person typed, which may contain "and". */
    private static boolean takesFreeText(Intent intent) {
        return intent instanceof Intent.AddTask || intent instanceof Intent.UpdateTask
                || intent instanceof Intent.Several several && several.intents().stream().allMatch(IntentParser::takesFreeText);
    }

    /** "Hi, add milk" is a request to add milk; the greeting needs no answer of its own. */
    private static List<Intent> withoutSmallTalkBesideRequests(List<Intent> intents) {
        List<Intent> requests = intents.stream().filter(intent -> !(intent instanceof Intent.SmallTalk)).toList();
        return requests.isEmpty() ? intents : requests;
    }
}
