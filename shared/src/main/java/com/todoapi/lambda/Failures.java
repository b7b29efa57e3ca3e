package com.todoapi.lambda;

import com.todoapi.domain.DomainException;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.log.RequestLog;

import java.util.Map;

/** Turns whatever a route threw into the API's error shape: nothing internal reaches the client. */
final class Failures {
    private Failures() {
    }

    static HttpResponse respond(Exchange exchange, RuntimeException failure) {
        if (failure instanceof ApiException api) {
            return Responses.error(api, exchange.requestId());
        }
        if (failure instanceof DomainException domain) {
            if (domain.kind() == DomainException.Kind.UNAVAILABLE) {
                RequestLog.failure(exchange.requestId(), exchange.request().routeKey(), domain.getCause());
            }
            return Responses.error(toApi(domain), exchange.requestId());
        }
        RequestLog.failure(exchange.requestId(), exchange.request().routeKey(), failure);
        return Responses.internalError(exchange.requestId());
    }

    static ApiException toApi(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> new ApiException(400, "invalid_request", e.getMessage(), e.problems(), Map.of());
            case NOT_FOUND -> new ApiException(404, "not_found", e.getMessage());
            case PRECONDITION_FAILED -> new ApiException(412, "precondition_failed", e.getMessage());
            case IN_FLIGHT, CONFLICT -> new ApiException(409, "conflict", e.getMessage(), e.problems(),
                    Map.of("retry-after", "1"));
            case IDEMPOTENCY_KEY_REUSED -> new ApiException(422, "idempotency_key_reused", e.getMessage());
            case UNAVAILABLE -> new ApiException(503, "unavailable", e.getMessage(), e.problems(),
                    Map.of("retry-after", "2"));
        };
    }
}
