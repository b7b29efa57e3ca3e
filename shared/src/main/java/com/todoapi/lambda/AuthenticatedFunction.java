package com.todoapi.lambda;

import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.apikeys.Scope;
import com.todoapi.auth.Caller;
import com.todoapi.auth.InvalidTokenException;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpRequest;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.RateLimitHeaders;
import com.todoapi.http.Responses;
import com.todoapi.metrics.Metric;
import com.todoapi.ratelimit.RateLimitDecision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline of every route that needs a user: the bearer credential is checked (a JWT, or a
 * personal API key read from the table on every request), the request is counted against the
 * user's rate limit, a token's user who asked to leave is refused ({@code 409 account_deleting}) until
 * the purge of their items is over, the caller's scopes are checked against the route's, and only then does the
 * route run, with the caller from the credential and nothing else. Every response after
 * authentication carries the {@code RateLimit-*} headers, errors included.
 */
public abstract class AuthenticatedFunction extends HttpFunction {
    private final Platform platform;

    protected AuthenticatedFunction(Platform platform) {
        this.platform = platform;
    }

    /**
     * The pipeline up to the token check (a token no issuer signed: 401), an API key's checks
     * (the checksum and the digest, with no table read and no random number drawn), then one table read.
     */
    @Override
    protected void prime() {
        super.prime();
        try {
            platform.authenticator().authenticate(Optional.of("Bearer " + ApiKeyFormat.PREFIX + "0".repeat(36)));
        } catch (InvalidTokenException expected) {
            // A key that fails its checksum, as the priming key does, is refused before any read.
        }
        ApiKeyFormat.digest(ApiKeyFormat.PREFIX);
        platform.tableWarmup().read();
    }

    @Override
    protected final HttpResponse handle(Exchange exchange) {
        Optional<HttpResponse> refused = screen(exchange);
        if (refused.isPresent()) {
            return refused.get();
        }
        Caller caller;
        try {
            caller = platform.authenticator().authenticate(exchange.request().header("authorization"));
        } catch (InvalidTokenException rejected) {
            return unauthorized(exchange);
        } catch (RuntimeException failure) {
            return failed(exchange, failure);
        }
        String userId = caller.userId();
        exchange.identify(userId);
        RateLimitDecision decision;
        try {
            decision = platform.rateLimiter().hit(userId, platform.clock().instant());
        } catch (RuntimeException failure) {
            return failed(exchange, failure);
        }
        Map<String, String> rateLimitHeaders = RateLimitHeaders.of(decision);
        boolean leaving;
        try {
            leaving = decision.allowed() && !caller.viaApiKey() && refusesLeavingUsers()
                    && platform.leaving().isLeaving(userId);
        } catch (RuntimeException failure) {
            return failed(exchange, failure).withHeaders(rateLimitHeaders);
        }
        HttpResponse response;
        if (!decision.allowed()) {
            exchange.metrics().count(Metric.REQUESTS_RATE_LIMITED);
            response = rateLimited(exchange, decision);
        } else if (caller.viaApiKey() && !acceptsApiKeys()) {
            response = forbidden(exchange, apiKeyRefusal(), Optional.empty());
        } else if (leaving) {
            response = Responses.error(new ApiException(409, "account_deleting",
                    "This account is being deleted; sign in again once that is done", List.of(),
                    Map.of("retry-after", "30")), exchange.requestId());
        } else if (!caller.may(requiredScope(exchange.request()))) {
            Scope missing = requiredScope(exchange.request());
            response = forbidden(exchange, "This API key lacks the \"" + missing.wireName() + "\" scope this request needs",
                    Optional.of(missing));
        } else {
            try {
                response = handle(new ApiRequest(exchange.request(), caller, exchange.requestId(), exchange.budget(),
                        exchange.metrics()));
            } catch (RuntimeException failure) {
                response = failed(exchange, failure);
            }
        }
        return response.withHeaders(rateLimitHeaders);
    }

    protected abstract HttpResponse handle(ApiRequest request);

    /**
     * Whether a token's user who asked to leave ({@code DELETE /v1/me}) is refused until the purge of
     * their items is over: true but for the route that asks (asking again is harmless). A key needs no
     * check: leaving deleted every key's item before it answered.
     */
    protected boolean refusesLeavingUsers() {
        return true;
    }

    /** Why a key may not call this route, when {@link #acceptsApiKeys()} is false. */
    protected String apiKeyRefusal() {
        return "API keys cannot manage API keys: use a token from your identity provider";
    }

    /** Whether an API key may call this route: true but for the routes that manage keys, and leaving. */
    protected boolean acceptsApiKeys() {
        return true;
    }

    /** The scope a request needs: {@code read} for a GET, {@code write} for anything else. */
    protected Scope requiredScope(HttpRequest request) {
        return "GET".equals(request.method()) ? Scope.READ : Scope.WRITE;
    }

    /** A caller who is who they say but may not do this: 403, naming the missing scope when one is missing. */
    protected HttpResponse forbidden(Exchange exchange, String message, Optional<Scope> missing) {
        Map<String, String> headers = missing.map(scope -> Map.of("www-authenticate",
                "Bearer error=\"insufficient_scope\", scope=\"" + scope.wireName() + "\"")).orElse(Map.of());
        return Responses.error(new ApiException(403, "forbidden", message, List.of(), headers), exchange.requestId());
    }

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
