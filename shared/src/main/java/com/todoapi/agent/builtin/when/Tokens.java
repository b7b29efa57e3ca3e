package com.todoapi.agent.builtin.when;

import java.util.List;
import java.util.Set;

/** A cursor over folded words that the phrase grammar reads from, and can be set back. */
final class Tokens {
    private final List<String> words;
    private int position;

    Tokens(List<String> words) {
        this.words = List.copyOf(words);
    }

    int mark() {
        return position;
    }

    void reset(int mark) {
        position = mark;
    }

    boolean atEnd() {
        return position >= words.size();
    }

    String peek() {
        return atEnd() ? "" : words.get(position);
    }

    String peek(int ahead) {
        return position + ahead >= words.size() ? "" : words.get(position + ahead);
    }

    String next() {
        return atEnd() ? "" : words.get(position++);
    }

    /** Takes the next word if it is one of these. */
    boolean accept(String... options) {
        for (String option : options) {
            if (peek().equals(option)) {
                position++;
                return true;
            }
        }
        return false;
    }

    boolean accept(Set<String> options) {
        if (options.contains(peek())) {
            position++;
            return true;
        }
        return false;
    }

    /** Takes these words in this order, or nothing. */
    boolean acceptAll(String... sequence) {
        for (int i = 0; i < sequence.length; i++) {
            if (!peek(i).equals(sequence[i])) {
                return false;
            }
        }
        position += sequence.length;
        return true;
    }

    /** Skips any of these words, however many. */
    void skip(Set<String> options) {
        while (accept(options)) {
            // skipped
        }
    }
}
