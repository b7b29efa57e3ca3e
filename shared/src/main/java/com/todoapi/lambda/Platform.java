package com.todoapi.lambda;

import com.todoapi.aws.dynamodb.TableWarmup;

import com.todoapi.auth.TokenVerifier;
import com.todoapi.ratelimit.RateLimiter;

import java.time.Clock;

/** What the authenticated pipeline needs, built once per process; {@code tableWarmup} is for priming. */
public record Platform(TokenVerifier tokens, RateLimiter rateLimiter, Clock clock, TableWarmup tableWarmup) {
}
