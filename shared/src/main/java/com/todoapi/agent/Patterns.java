package com.todoapi.agent;

import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Patterns tried in a fixed order; immutable, so a reader can keep them in a static final. */
final class Patterns implements Iterable<Pattern> {
    private final List<Pattern> patterns;

    private Patterns(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static Patterns of(Pattern... patterns) {
        return new Patterns(List.of(patterns));
    }

    @Override
    public Iterator<Pattern> iterator() {
        return patterns.iterator();
    }
}
