package com.todoapi.conversations;

import com.todoapi.domain.DomainException;

/**
 * The limits of docs/api.md: a title 1-200 characters after trimming, a chat message 1-4,000.
 * Characters are Unicode code points, as for tasks and as JSON Schema's maxLength counts them.
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
        return title;
    }

    /** A chat message, trimmed: 1-4,000 characters, not only whitespace. */
    public static String content(String field, String raw) {
        String content = raw == null ? "" : raw.strip();
        if (content.isEmpty()) {
            throw DomainException.invalid(field, "must not be empty or only whitespace");
        }
        if (characters(content) > MAX_CONTENT) {
            throw DomainException.invalid(field, "must be at most " + MAX_CONTENT + " characters");
        }
        return content;
    }

    /** A title for a conversation started by its first message: the message's first line, shortened. */
    public static String titleFrom(String firstMessage) {
        String line = firstMessage.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return DEFAULT_TITLE;
        }
        return characters(line) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 59)).stripTrailing() + "…";
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    public static DomainException notFound(long conversationId) {
        return DomainException.notFound("Conversation " + conversationId + " not found");
    }
}
