package com.todoapi.functions.conversations;

import com.todoapi.lambda.ApiRequest;

import java.time.Duration;

/** How long a route may wait for a reply: what was asked for, within what the invocation has left. */
final class ReplyWaits {
    /** docs/api.md: {@code Prefer: wait=N} with N at most 25. */
    static final int MAX_WAIT_SECONDS = 25;
    /** Kept back to write the response and leave before Lambda's timeout. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    private ReplyWaits() {
    }

    static Duration within(ApiRequest request, int seconds) {
        Duration left = request.budget().left().minus(MARGIN);
        Duration asked = Duration.ofSeconds(seconds);
        Duration patience = asked.compareTo(left) < 0 ? asked : left;
        return patience.isNegative() ? Duration.ZERO : patience;
    }
}
