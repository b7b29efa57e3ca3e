package com.todoapi.lambda;

import com.todoapi.accounts.LeavingCheck;
import com.todoapi.aws.dynamodb.TableWarmup;

import com.todoapi.auth.Authenticator;
import com.todoapi.ratelimit.RateLimiter;

import java.time.Clock;

/**
 * What the authenticated pipeline needs (the JWT check and the API keys' lookup, the rate limiter, the
 * check that a token's user is not being deleted), built once per process; {@code tableWarmup} is for priming.
 */
public record Platform(Authenticator authenticator, RateLimiter rateLimiter, Clock clock, TableWarmup tableWarmup,
                       LeavingCheck leaving) {
}
