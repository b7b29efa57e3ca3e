package com.todoapi.agent.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The languages the agent reads, from the resource files {@code languages/index.txt} names:
 * English first (the language the readers are written in), then the others, each of which
 * rewrites its commands into English. Adding a language is adding a file and a line there.
 */
final class Languages {
    private static final String FOLDER = "/com/todoapi/agent/builtin/languages/";

    /** A message in one language, rewritten into the words the readers know. */
    record Reading(String text, Lexicon lexicon) {
    }

    private final Lexicon english;
    private final List<Language> others;
    private final List<Lexicon> otherLexicons;

    private Languages(Language english, List<Language> others) {
        this.english = new Lexicon(english, Optional.empty());
        this.others = List.copyOf(others);
        this.otherLexicons = others.stream().map(other -> new Lexicon(english, Optional.of(other))).toList();
    }

    static Languages load() {
        ObjectMapper json = new ObjectMapper();
        List<Language> languages = new ArrayList<>();
        for (String line : resource("index.txt").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                languages.add(Language.read(json.readTree(resource(name))));
            } catch (IOException e) {
                throw new UncheckedIOException("the language file " + name + " is not valid JSON", e);
            }
        }
        if (languages.isEmpty() || !languages.get(0).code().equals("en")) {
            throw new IllegalStateException("languages/index.txt must name en.json first");
        }
        return new Languages(languages.get(0), languages.subList(1, languages.size()));
    }

    /** The first other language whose commands the message uses, else English as typed. */
    Reading read(String message) {
        for (int i = 0; i < others.size(); i++) {
            if (others.get(i).isSpokenIn(message)) {
                String rewritten = others.get(i).rewrite(message);
                // A word of the language alone ("add lista") is no sign of it; a command in it is.
                if (!rewritten.equals(message)) {
                    return new Reading(rewritten, otherLexicons.get(i));
                }
            }
        }
        return new Reading(message, english);
    }

    Lexicon english() {
        return english;
    }

    private static String resource(String name) {
        try (InputStream in = Languages.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
