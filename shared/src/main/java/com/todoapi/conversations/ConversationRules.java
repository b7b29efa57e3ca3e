package com.todoapi.conversations;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.PlainText;

/**
 * The limits of docs/api.md: a title 1-200 characters after trimming, a chat message 1-4,000.
 * Characters are Unicode code points, as for tasks and as JSON Schema's maxLength counts them.
 * What the text may hold is {@link PlainText}'s rule, as for tasks.
 */
public final class ConversationRules {
    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 4_000;
    public static final String DEFAULT_TITLE = "New conversation";

    private ConversationRules() {
    }

    /** The trimmed title; absent gives the default. */
    public static String title(String raw) {
        if (raw == null) {
            return DEFAULT_TITLE;
        }
        String title = raw.strip();
        if (title.isEmpty() || characters(title) > MAX_TITLE) {
            throw DomainException.invalid("title", "must be 1-" + MAX_TITLE + " characters after trimming");
        }
        refuseUnfit("title", title, PlainText.Lines.ONE);
        return title;
    }

    /** A chat message, trimmed: 1-4,000 characters, not only whitespace. */
    public static String content(String field, String raw) {
        String content = raw == null ? "" : raw.strip();
        if (content.isEmpty()) {
            throw DomainException.invalid(field, "must not be empty or only whitespace");
        }
        refuseUnfit(field, content, PlainText.Lines.MANY);
        if (characters(content) > MAX_CONTENT) {
            throw DomainException.invalid(field, "must be at most " + MAX_CONTENT + " characters");
        }
        return content;
    }

    private static void refuseUnfit(String field, String text, PlainText.Lines lines) {
        PlainText.problem(text, lines).ifPresent(problem -> {
            throw DomainException.invalid(field, problem);
        });
    }

    /**
     * A title for a conversation started by its first message: the message's first line (its
     * tabs as spaces, since a title is one line), shortened; the default when that is no fit title
     * (nothing visible, or a line separator the message may hold).
     */
    public static String titleFrom(String firstMessage) {
        String line = firstMessage.strip().lines().findFirst().orElse("").replace('\t', ' ').strip();
        String title = characters(line) <= 60 ? line
                : line.substring(0, line.offsetByCodePoints(0, 59)).stripTrailing() + "…";
        return title.isEmpty() || PlainText.problem(title, PlainText.Lines.ONE).isPresent() ? DEFAULT_TITLE : title;
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    public static DomainException notFound(long conversationId) {
        return DomainException.notFound("Conversation " + conversationId + " not found");
    }
}
