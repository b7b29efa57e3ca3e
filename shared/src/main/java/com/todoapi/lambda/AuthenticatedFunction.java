package com.todoapi.lambda;

import com.todoapi.auth.InvalidTokenException;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.RateLimitHeaders;
import com.todoapi.http.Responses;
import com.todoapi.metrics.Metric;
import com.todoapi.ratelimit.RateLimitDecision;

import java.util.List;
import java.util.Map;

/**
 * The pipeline of every route that needs a user: the bearer token is checked, the request is
 * counted against the user's rate limit, and only then does the route run, with the user's id
 * from the token and nothing else. Every response after authentication carries the
 * {@code RateLimit-*} headers, errors included.
 */
public abstract class AuthenticatedFunction extends HttpFunction {
    private final Platform platform;

    protected AuthenticatedFunction(Platform platform) {
        this.platform = platform;
    }

    /** The pipeline up to the token check (a token no issuer signed: 401), then one table read. */
    @Override
    protected void prime() {
        super.prime();
        platform.tableWarmup().read();
    }

    @Override
    protected final HttpResponse handle(Exchange exchange) {
        String userId;
        try {
            userId = platform.tokens().verify(exchange.request().header("authorization"));
        } catch (InvalidTokenException rejected) {
            throw unauthorized();
        }
        exchange.identify(userId);
        RateLimitDecision decision = platform.rateLimiter().hit(userId, platform.clock().instant());
        Map<String, String> rateLimitHeaders = RateLimitHeaders.of(decision);
        HttpResponse response;
        if (!decision.allowed()) {
            exchange.metrics().count(Metric.REQUESTS_RATE_LIMITED);
            response = Responses.error(new ApiException(429, "rate_limited",
                    "Too many requests; retry after " + decision.resetSeconds() + " s"), exchange.requestId());
        } else {
            try {
                response = handle(new ApiRequest(exchange.request(), userId, exchange.requestId(), exchange.budget()));
            } catch (RuntimeException failure) {
                response = Failures.respond(exchange, failure);
            }
        }
        return response.withHeaders(rateLimitHeaders);
    }

    protected abstract HttpResponse handle(ApiRequest request);

    /** The same answer whichever check failed: a client learns nothing of why. */
    private static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "A valid bearer token is required", List.of(),
                Map.of("www-authenticate", "Bearer error=\"invalid_token\""));
    }
}
