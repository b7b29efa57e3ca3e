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
import java.util.Optional;

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
        Optional<HttpResponse> refused = screen(exchange);
        if (refused.isPresent()) {
            return refused.get();
        }
        String userId;
        try {
            userId = platform.tokens().verify(exchange.request().header("authorization"));
        } catch (InvalidTokenException rejected) {
            return unauthorized(exchange);
        }
        exchange.identify(userId);
        RateLimitDecision decision;
        try {
            decision = platform.rateLimiter().hit(userId, platform.clock().instant());
        } catch (RuntimeException failure) {
            return failed(exchange, failure);
        }
        Map<String, String> rateLimitHeaders = RateLimitHeaders.of(decision);
        HttpResponse response;
        if (!decision.allowed()) {
            exchange.metrics().count(Metric.REQUESTS_RATE_LIMITED);
            response = rateLimited(exchange, decision);
        } else {
            try {
                response = handle(new ApiRequest(exchange.request(), userId, exchange.requestId(), exchange.budget(),
                        exchange.metrics()));
            } catch (RuntimeException failure) {
                response = failed(exchange, failure);
            }
        }
        return response.withHeaders(rateLimitHeaders);
    }

    protected abstract HttpResponse handle(ApiRequest request);

    /** A refusal before the token is read (a route's own transport rules); none by default. */
    protected Optional<HttpResponse> screen(Exchange exchange) {
        return Optional.empty();
    }

    /** The same answer whichever check failed: a client learns nothing of why. */
    protected HttpResponse unauthorized(Exchange exchange) {
        return Responses.error(new ApiException(401, "unauthorized", "A valid bearer token is required", List.of(),
                Map.of("www-authenticate", "Bearer error=\"invalid_token\"")), exchange.requestId());
    }

    /** Whatever the route or the rate limiter threw, as the API's error shape (a 503 when the table is down). */
    protected HttpResponse failed(Exchange exchange, RuntimeException failure) {
        return Failures.respond(exchange, failure);
    }

    protected HttpResponse rateLimited(Exchange exchange, RateLimitDecision decision) {
        return Responses.error(new ApiException(429, "rate_limited",
                "Too many requests; retry after " + decision.resetSeconds() + " s"), exchange.requestId());
    }
}
