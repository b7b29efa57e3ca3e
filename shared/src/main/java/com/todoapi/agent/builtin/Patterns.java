package com.todoapi.agent.builtin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Patterns tried in a fixed order; immutable, so a reader can keep them in a static final. */
final class Patterns {
    private final List<Pattern> patterns;

    private Patterns(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static Patterns of(Pattern... patterns) {
        return new Patterns(List.of(patterns));
    }

    /** Group 1 of pattern {@code index} when it matches the whole of {@code text}. */
    Optional<String> capture(int index, String text) {
        if (index >= patterns.size()) {
            return Optional.empty();
        }
        Matcher matcher = patterns.get(index).matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The matchers of every pattern that matches the whole of {@code text}, in order, for their groups. */
    List<Matcher> matching(String text) {
        return patterns.stream().map(pattern -> pattern.matcher(text)).filter(Matcher::matches).toList();
    }

    /** Group 1 of the first pattern that matches the whole of {@code text}. */
    Optional<String> firstCapture(String text) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
