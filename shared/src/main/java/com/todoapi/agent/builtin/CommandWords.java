package com.todoapi.agent.builtin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts right a command word typed with a small slip: "ad a task", "delte task 3", "mrak it as
 * done", "show my tsaks", and the chat spellings the language file lists ("pls", "u"). Only the
 * first two words are looked at, and only tried when the clause as typed was not understood.
 */
final class CommandWords {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int WORDS_LOOKED_AT = 3;

    private final Lexicon lexicon;

    CommandWords(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The clause with its chat spellings and slips put right, or empty when there was nothing to fix. */
    Optional<String> corrected(String clause) {
        String[] words = SPACE.split(clause.strip());
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            Optional<String> spelled = lexicon.misspelling(words[i]);
            if (spelled.isPresent()) {
                words[i] = spelled.get();
                changed = true;
            } else if (i < WORDS_LOOKED_AT) {
                Optional<String> command = nearestCommand(words[i]);
                if (command.isPresent()) {
                    words[i] = command.get();
                    changed = true;
                }
            }
        }
        return changed ? Optional.of(String.join(" ", words)) : Optional.empty();
    }

    private Optional<String> nearestCommand(String typed) {
        String word = typed.toLowerCase(Locale.ROOT);
        if (word.length() < 3 || lexicon.commandWords().contains(word)) {
            return Optional.empty();
        }
        int allowed = word.length() >= 7 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String command : lexicon.commandWords()) {
            int distance = WordForms.typos(word, command);
            if (distance < bestDistance) {
                best = command;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? Optional.of(best) : Optional.empty();
    }
}
