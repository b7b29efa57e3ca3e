package com.todoapi.lambda;

import com.todoapi.http.HttpRequest;
import com.todoapi.idempotency.IdempotencyKeys;
import com.todoapi.metrics.Metrics;

/**
 * One request while it is being served: the event, its id, and once the token is checked, a
 * digest of whose it is for the log line, and what it counted. Lives exactly as long as the invocation.
 */
public final class Exchange {
    private final HttpRequest request;
    private final String requestId;
    private final TimeBudget budget;
    private final Metrics metrics = new Metrics();
    private String userDigest;

    Exchange(HttpRequest request, String requestId, TimeBudget budget) {
        this.request = request;
        this.requestId = requestId;
        this.budget = budget;
    }

    public TimeBudget budget() {
        return budget;
    }

    /** What this request counted; printed once, at its end. */
    public Metrics metrics() {
        return metrics;
    }

    public HttpRequest request() {
        return request;
    }

    public String requestId() {
        return requestId;
    }

    void identify(String userId) {
        this.userDigest = IdempotencyKeys.digest("user", userId).substring(0, 16);
    }

    /** A stable pseudonym of the user for logs (never the id itself), or null before authentication. */
    String userDigest() {
        return userDigest;
    }
}
