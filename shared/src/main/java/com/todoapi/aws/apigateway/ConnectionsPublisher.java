package com.todoapi.aws.apigateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.json.Json;
import com.todoapi.live.ConnectionCloser;
import com.todoapi.live.ConnectionMessenger;
import com.todoapi.live.ConnectionStore;
import com.todoapi.live.LiveChannel;
import com.todoapi.live.LiveConnection;
import com.todoapi.live.LivePublisher;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;
import com.todoapi.metrics.MetricsLog;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Pushes events through the WebSocket API's {@code @connections} endpoint: the person's connections
 * read with one query, then one {@code PostToConnection} each. Nothing here throws or retries: a post
 * answered 410 Gone deletes the connection's item; a 429, a 5xx, a timeout, or a post left over when
 * the publish has used its {@link #BUDGET} is dropped; each drop is counted
 * ({@code LivePushesDropped}, by outcome). A publish so takes at most the budget plus one post's
 * {@link #PER_POST} timeout.
 */
public final class ConnectionsPublisher implements LivePublisher, ConnectionCloser, ConnectionMessenger {
    /** One post's whole time, connecting included. */
    public static final Duration PER_POST = Duration.ofSeconds(1);
    /** One publish's time: no post starts after it. */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private final ApiGatewayManagementApiClient api;
    private final ConnectionStore store;
    private final MetricsLog metricsLog;
    private final LongSupplier nanoTime;

    public ConnectionsPublisher(ApiGatewayManagementApiClient api, ConnectionStore store, MetricsLog metricsLog) {
        this(api, store, metricsLog, System::nanoTime);
    }

    ConnectionsPublisher(ApiGatewayManagementApiClient api, ConnectionStore store, MetricsLog metricsLog,
                         LongSupplier nanoTime) {
        this.api = api;
        this.store = store;
        this.metricsLog = metricsLog;
        this.nanoTime = nanoTime;
    }

    @Override
    public void publish(String userId, JsonNode event) {
        open(userId).send(event);
    }

    /** Reads the person's connections once; each event of the burst goes to those still open. */
    @Override
    public LiveChannel open(String userId) {
        List<LiveConnection> connections;
        try {
            connections = store.list(userId);
        } catch (RuntimeException unreadable) {
            RequestLog.work("WARN", "live_connections_unreadable", Map.of(), unreadable);
            Metrics metrics = new Metrics();
            metrics.add(Metric.LIVE_PUSHES_DROPPED, 1, Map.of(Metric.Dimension.OUTCOME, "failed"));
            metricsLog.flush(metrics);
            return event -> { };
        }
        if (connections.isEmpty()) {
            return event -> { };
        }
        return new Burst(userId, new ArrayList<>(connections));
    }

    /** Sends one event to one connection (a pong to the connection that pinged); a failure is dropped and counted. */
    @Override
    public void send(String connectionId, JsonNode event) {
        Metrics metrics = new Metrics();
        Outcome outcome = post(connectionId, bytes(event));
        if (outcome != Outcome.DELIVERED) {
            metrics.add(Metric.LIVE_PUSHES_DROPPED, 1, Map.of(Metric.Dimension.OUTCOME, outcome.wireName));
            metricsLog.flush(metrics);
        }
    }

    /** {@code DELETE @connections/{id}}: the connection is closed; one already gone is fine. */
    @Override
    public void close(String connectionId) {
        try {
            api.deleteConnection(delete -> delete.connectionId(connectionId));
        } catch (GoneException alreadyClosed) {
            // Nothing to close.
        } catch (RuntimeException failed) {
            RequestLog.work("WARN", "live_close_failed", Map.of(), failed);
        }
    }

    private Outcome post(String connectionId, SdkBytes data) {
        try {
            api.postToConnection(post -> post.connectionId(connectionId).data(data));
            return Outcome.DELIVERED;
        } catch (GoneException gone) {
            return Outcome.GONE;
        } catch (LimitExceededException throttled) {
            return Outcome.THROTTLED;
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException timedOut) {
            return Outcome.TIMEOUT;
        } catch (SdkException failed) {
            return failed.getCause() instanceof SocketTimeoutException ? Outcome.TIMEOUT : Outcome.FAILED;
        } catch (RuntimeException failed) {
            // Whatever else went wrong with this one post: the contract is never to throw.
            return Outcome.FAILED;
        }
    }

    private static SdkBytes bytes(JsonNode event) {
        try {
            return SdkBytes.fromByteArrayUnsafe(Json.MAPPER.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connections of one person for a burst: those found gone are deleted and skipped after. */
    private final class Burst implements LiveChannel {
        private final String userId;
        private final List<LiveConnection> open;

        Burst(String userId, List<LiveConnection> open) {
            this.userId = userId;
            this.open = open;
        }

        @Override
        public synchronized void send(JsonNode event) {
            if (open.isEmpty()) {
                return;
            }
            SdkBytes data = bytes(event);
            long deadline = nanoTime.getAsLong() + BUDGET.toNanos();
            Metrics metrics = new Metrics();
            List<LiveConnection> gone = new ArrayList<>();
            for (LiveConnection connection : open) {
                Outcome outcome = nanoTime.getAsLong() - deadline >= 0 ? Outcome.OVER_BUDGET
                        : post(connection.connectionId(), data);
                if (outcome == Outcome.GONE) {
                    gone.add(connection);
                    forget(connection);
                }
                if (outcome != Outcome.DELIVERED) {
                    metrics.add(Metric.LIVE_PUSHES_DROPPED, 1, Map.of(Metric.Dimension.OUTCOME, outcome.wireName));
                }
            }
            open.removeAll(gone);
            metricsLog.flush(metrics);
        }

        private void forget(LiveConnection connection) {
            try {
                store.remove(userId, connection.connectionId());
            } catch (RuntimeException failed) {
                // Its TTL removes it later; the next publish posts to it once more and gets 410 again.
                RequestLog.work("WARN", "live_connection_not_deleted", Map.of(), failed);
            }
        }
    }

    enum Outcome {
        DELIVERED("delivered"), GONE("gone"), THROTTLED("throttled"), FAILED("failed"), TIMEOUT("timeout"),
        OVER_BUDGET("over_budget");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }
    }
}
