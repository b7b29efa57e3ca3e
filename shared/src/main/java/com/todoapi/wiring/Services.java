package com.todoapi.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.accounts.AccountPurger;
import com.todoapi.accounts.AccountService;
import com.todoapi.agent.Agent;
import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.auth.AuthSettings;
import com.todoapi.auth.Authenticator;
import com.todoapi.auth.TokenVerifier;
import com.todoapi.aws.AwsClients;
import com.todoapi.aws.CallBudget;
import com.todoapi.aws.Secrets;
import com.todoapi.aws.apigateway.ConnectionsPublisher;
import com.todoapi.aws.dynamodb.DynamoAccountRemovals;
import com.todoapi.aws.dynamodb.DynamoApiKeyStore;
import com.todoapi.aws.dynamodb.DynamoConnectionStore;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoProfileStore;
import com.todoapi.aws.dynamodb.DynamoRateLimiter;
import com.todoapi.aws.dynamodb.DynamoReminderStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.DynamoTicketStore;
import com.todoapi.aws.dynamodb.TableProbe;
import com.todoapi.aws.dynamodb.TableWarmup;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.aws.sqs.QueueProbe;
import com.todoapi.aws.sqs.SqsJobQueue;
import com.todoapi.chat.ReplyRetries;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.config.Env;
import com.todoapi.conversations.ConversationPurger;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.ConversationStore;
import com.todoapi.conversations.ReplyPoll;
import com.todoapi.health.Probe;
import com.todoapi.http.AllowedOrigins;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.JobQueue;
import com.todoapi.live.ConnectionCloser;
import com.todoapi.live.ConnectionMessenger;
import com.todoapi.live.LiveConnections;
import com.todoapi.live.LivePublisher;
import com.todoapi.live.LiveTaskEvents;
import com.todoapi.live.Tickets;
import com.todoapi.liveaccess.ConnectGate;
import com.todoapi.metrics.MetricsLog;
import com.todoapi.lambda.Platform;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.profile.ProfileService;
import com.todoapi.ratelimit.RateLimitPolicy;
import com.todoapi.reminders.ReminderFirer;
import com.todoapi.sweeper.StuckWorkSweeper;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds what a function needs from its environment, once per process (in the handler's
 * constructor, so before the first request and before a SnapStart snapshot). Functions ask only
 * for what they use: a route that issues no cursors never reads the cursor key, one that sends no
 * jobs never builds an SQS client.
 */
public final class Services {
    private final Env env;
    private final Tables tables;
    private final Supplier<SqsClient> sqs;
    private final Clock clock;
    private Optional<ConnectionsPublisher> connections;

    public Services(Env env, DynamoDbClient dynamoDb, Clock clock) {
        this(env, dynamoDb, () -> AwsClients.sqs(CallBudget.INTERACTIVE), clock);
    }

    public Services(Env env, DynamoDbClient dynamoDb, Supplier<SqsClient> sqs, Clock clock) {
        this.env = env;
        this.tables = new Tables(dynamoDb, env.require("TABLE_NAME"));
        this.sqs = sqs;
        this.clock = clock;
    }

    /** For an API function: a person waits, so the store not answering is a quick 503. */
    public static Services fromEnvironment() {
        return fromEnvironment(CallBudget.INTERACTIVE);
    }

    /** For a queue worker or the sweeper: no one waits on the call, so the SDK's patient retries. */
    public static Services forBackgroundWork() {
        return fromEnvironment(CallBudget.BACKGROUND);
    }

    private static Services fromEnvironment(CallBudget budget) {
        return new Services(Env.system(), AwsClients.dynamoDb(budget), () -> AwsClients.sqs(budget), Clock.systemUTC());
    }

    /** Token and API key verification and rate limiting, for HTTP functions. */
    public Platform platform() {
        return new Platform(new Authenticator(TokenVerifier.from(AuthSettings.from(env)), apiKeys()),
                new DynamoRateLimiter(tables, RateLimitPolicy.from(env)), clock, tableWarmup(),
                new DynamoAccountRemovals(tables));
    }

    /** One read of an item never written, for priming before a SnapStart snapshot. */
    public TableWarmup tableWarmup() {
        return new TableWarmup(tables);
    }

    /** One read of a key never written, for a function's priming before a SnapStart snapshot. */
    public Runnable primingTableRead() {
        TableWarmup warmup = tableWarmup();
        return warmup::read;
    }

    public Env env() {
        return env;
    }

    /** The browser origins the API's CORS allows ({@code CORS_ALLOWED_ORIGINS}), and loopback ones in local mode. */
    public AllowedOrigins browserOrigins() {
        return AllowedOrigins.of(env.optional("CORS_ALLOWED_ORIGINS").orElse(""), Secrets.isLocalMode(env));
    }

    /** The MCP endpoint's public URL when configured ({@code MCP_RESOURCE_URL}); else it is read from each request. */
    public Optional<String> mcpResourceUrl() {
        return env.optional("MCP_RESOURCE_URL");
    }

    /** Personal API keys: made, listed and revoked by their owner, checked on every request presenting one. */
    public ApiKeyService apiKeys() {
        return new ApiKeyService(new DynamoApiKeyStore(tables), clock);
    }

    /** The person's profile: their time zone, read by every route and tool that reads or writes a time. */
    public ProfileService profiles() {
        return new ProfileService(new DynamoProfileStore(tables), clock);
    }

    public TaskService tasks() {
        return new TaskService(new DynamoTaskStore(tables), idempotentRunner(), clock, new LiveTaskEvents(live()));
    }

    /** For routes that only read: any attempt to send a job fails loudly. */
    public ConversationService conversations() {
        return conversations(JobQueue.NONE);
    }

    public ConversationService conversations(JobQueue jobs) {
        return new ConversationService(new DynamoConversationStore(tables), jobs, idempotentRunner(), clock,
                ReplyPoll.BACKING_OFF);
    }

    /** The queues this function may send to (CHAT_QUEUE_URL, CLEANUP_QUEUE_URL). */
    public JobQueue jobs() {
        return sqsJobQueue();
    }

    public ConversationStore conversationStore() {
        return conversationItems();
    }

    /** The conversations adapter, which serves every caller's port (routes, worker, purge, sweeper). */
    private DynamoConversationStore conversationItems() {
        return new DynamoConversationStore(tables);
    }

    /** The chat worker's retry policy: CHAT_MAX_RECEIVES (the queue's maxReceiveCount), CHAT_RETRY_DELAY_SECONDS. */
    public ReplyRetries replyRetries(ReplyTurns replies) {
        return new ReplyRetries(replies, sqsJobQueue(), Integer.parseInt(env.require("CHAT_MAX_RECEIVES")),
                Integer.parseInt(env.require("CHAT_RETRY_DELAY_SECONDS")));
    }

    /**
     * What GET /health checks: the table (TABLE_NAME) and the chat queue (CHAT_QUEUE_URL). Static, so
     * the health function builds only the two plain clients, not the table schemas.
     */
    public static List<Probe> healthProbes() {
        Env env = Env.system();
        return List.of(new TableProbe(AwsClients.dynamoDb(CallBudget.INTERACTIVE), env.require("TABLE_NAME")),
                new QueueProbe(AwsClients.sqs(CallBudget.INTERACTIVE), env.require("CHAT_QUEUE_URL")));
    }

    public ConversationPurger conversationPurger() {
        return new ConversationPurger(conversationItems(), jobs());
    }

    /** The background purge of a user who left (DELETE /v1/me), on the cleanup queue. */
    public AccountPurger accountPurger() {
        return new AccountPurger(new DynamoAccountRemovals(tables), jobs());
    }

    /** Leaving: DELETE /v1/me. */
    public AccountService accounts() {
        return new AccountService(new DynamoAccountRemovals(tables), jobs(), clock);
    }

    private SqsJobQueue sqsJobQueue() {
        return new SqsJobQueue(sqs.get(), env);
    }

    public ReplyTurns replyTurns() {
        ProfileService profiles = profiles();
        return new ReplyTurns(conversationItems(), tasks(), agent(), clock, userId -> profiles.get(userId).timeZone(),
                live());
    }

    /**
     * Pushes to the person's open WebSocket connections through the WebSocket API's {@code @connections}
     * endpoint ({@code REALTIME_ENDPOINT}); without that variable, nothing (a function that pushes nothing).
     */
    public LivePublisher live() {
        return connectionsEndpoint().<LivePublisher>map(publisher -> publisher).orElse(LivePublisher.NONE);
    }

    /** The open connections' register: {@code $connect} (the per-user cap closes the oldest) and {@code $disconnect}. */
    public LiveConnections liveConnections() {
        return new LiveConnections(new DynamoConnectionStore(tables),
                connectionsEndpoint().<ConnectionCloser>map(publisher -> publisher).orElse(ConnectionCloser.NONE), clock);
    }

    /** Answers to one connection (the {@code $default} route's pong). */
    public ConnectionMessenger connectionMessenger() {
        return connectionsEndpoint().<ConnectionMessenger>map(publisher -> publisher).orElse(ConnectionMessenger.NONE);
    }

    /** Connect tickets ({@code POST /v1/realtime/tickets}, redeemed at {@code $connect}). */
    public Tickets tickets() {
        return new Tickets(new DynamoTicketStore(tables), clock);
    }

    /** Who may connect: the browser origin, then a ticket or a bearer credential ({@link ConnectGate}). */
    public ConnectGate connectGate() {
        return new ConnectGate(browserOrigins(), tickets(),
                new Authenticator(TokenVerifier.from(AuthSettings.from(env)), apiKeys()), new DynamoAccountRemovals(tables));
    }

    /** One management API client per process, built on first use, for every function that pushes. */
    private synchronized Optional<ConnectionsPublisher> connectionsEndpoint() {
        if (connections == null) {
            connections = env.optional("REALTIME_ENDPOINT").filter(url -> !url.isBlank())
                    .map(url -> new ConnectionsPublisher(AwsClients.connections(URI.create(url), ConnectionsPublisher.PER_POST),
                            new DynamoConnectionStore(tables), MetricsLog.fromEnvironment()));
        }
        return connections;
    }

    /** The assistant {@code AGENT} names: builtin (the default), openai or bedrock ({@link Agents}). */
    public Agent agent() {
        return Agents.fromEnvironment(env, tables, clock);
    }

    /**
     * The minute's reminders, pushed over {@link #live()} with the task as {@code view} renders it.
     * A tick stops firing after 45 s and leaves the rest to the next minute's tick.
     */
    public ReminderFirer reminders(Function<Task, JsonNode> view) {
        return new ReminderFirer(new DynamoReminderStore(tables), live(), view, clock, Duration.ofSeconds(45));
    }

    /** STUCK_AFTER_SECONDS: how long work may stay unsettled before the sweeper acts. */
    public StuckWorkSweeper sweeper(JobQueue jobs) {
        Duration threshold = Duration.ofSeconds(Long.parseLong(env.require("STUCK_AFTER_SECONDS")));
        return new StuckWorkSweeper(conversationItems(), new DynamoAccountRemovals(tables), jobs, clock, threshold);
    }

    /** The cursor key: CURSOR_KEY_ARN in AWS (a generated secret), CURSOR_KEY in local mode. */
    public CursorCodec cursors() {
        String key = Secrets.read(env, "CURSOR_KEY").orElseThrow(() -> new IllegalStateException(
                "CURSOR_KEY_ARN must be set (see template.yaml)"));
        return new CursorCodec(key.getBytes(StandardCharsets.UTF_8));
    }

    private IdempotentRunner idempotentRunner() {
        return new IdempotentRunner(new DynamoIdempotencyStore(tables), clock);
    }
}
