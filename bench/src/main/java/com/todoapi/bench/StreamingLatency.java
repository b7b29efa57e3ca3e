package com.todoapi.bench;

import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.live.LivePublisher;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./dev bench stream}: the chat worker's turn with the OpenAI-compatible agent on DynamoDB
 * Local, the model a fake streaming OpenAI's wire format at a set pace ({@link #PACE} per chunk of
 * {@link #PIECE} characters, about a fast hosted model's speed), the live publisher an in-process
 * one that notes when each event reaches it. Per turn: the time to the first {@code reply.delta}
 * beside the time to the stored reply ({@code reply.completed}, published once the reply is
 * written), and how many pushes the reply took; their cost per million turns at list prices.
 */
final class StreamingLatency {
    static final Duration PACE = Duration.ofMillis(15);
    static final int PIECE = 4;
    private static final String REPLY = "Added task 4 \"Book the dentist\" for Tuesday. Your list now has four open tasks: "
            + "call mom, buy oat milk, renew the passport and book the dentist. Want me to mark any of them done, or add "
            + "a reminder to the passport one?";

    record Scenario(String name, List<Step> steps) {
    }

    record Result(String scenario, double firstDeltaMillis, double storedMillis, double pushes, double deltas) {
    }

    private final Tables tables;

    StreamingLatency(Tables tables) {
        this.tables = tables;
    }

    static List<Scenario> scenarios() {
        return List.of(new Scenario("one round, " + REPLY.length() + " characters", List.of(Step.text(REPLY))),
                new Scenario("a tool round, then " + REPLY.length() + " characters",
                        List.of(Step.toolCalls(Step.call("add_task", "{\"title\":\"Book the dentist\"}")), Step.text(REPLY))));
    }

    List<Result> measure(int warmUp, int turns) {
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            List<Double> first = new ArrayList<>();
            List<Double> stored = new ArrayList<>();
            List<Double> pushes = new ArrayList<>();
            List<Double> deltas = new ArrayList<>();
            try (FakeChatCompletions fake = FakeChatCompletions.start().pace(PACE, PIECE)) {
                for (int i = 0; i < warmUp + turns; i++) {
                    fake.enqueue(scenario.steps().toArray(Step[]::new));
                    AtomicLong started = new AtomicLong();
                    AtomicLong firstDelta = new AtomicLong();
                    AtomicLong completed = new AtomicLong();
                    AtomicInteger pushed = new AtomicInteger();
                    AtomicInteger deltaCount = new AtomicInteger();
                    LivePublisher timing = (userId, event) -> {
                        long now = System.nanoTime();
                        pushed.incrementAndGet();
                        switch (event.path("type").asText()) {
                            case "reply.delta" -> {
                                deltaCount.incrementAndGet();
                                firstDelta.compareAndSet(0, now);
                            }
                            case "reply.completed" -> completed.set(now);
                            default -> { }
                        }
                    };
                    ReplyTurns replies = turns(fake, timing);
                    Job.Reply job = post("bench-stream-" + i + "-" + System.nanoTime(), "Add book the dentist");
                    started.set(System.nanoTime());
                    if (!replies.answer(job, new Metrics(), Duration.ofSeconds(30)) || completed.get() == 0) {
                        throw new IllegalStateException("a benchmark turn wrote no reply");
                    }
                    if (i >= warmUp) {
                        first.add((firstDelta.get() - started.get()) / 1e6);
                        stored.add((completed.get() - started.get()) / 1e6);
                        pushes.add((double) pushed.get());
                        deltas.add((double) deltaCount.get());
                    }
                }
            }
            results.add(new Result(scenario.name(), Stats.median(first), Stats.median(stored), Stats.median(pushes),
                    Stats.median(deltas)));
        }
        return results;
    }

    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder("| turn | first delta, median ms | stored reply, median ms | first / stored "
                + "| pushes per reply (deltas) | pushes per million turns, list price | connection minutes of the reply per "
                + "million turns, list price |\n|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            double messages = r.pushes() * Prices.WEBSOCKET_MESSAGE * 1_000_000;
            double minutes = r.storedMillis() / 60_000 * Prices.WEBSOCKET_CONNECTION_MINUTE * 1_000_000;
            table.append(String.format("| %s | %.0f | %.0f | %.2f | %.0f (%.0f) | $%.2f | $%.3f |%n", r.scenario(),
                    r.firstDeltaMillis(), r.storedMillis(), r.firstDeltaMillis() / r.storedMillis(), r.pushes(), r.deltas(),
                    messages, minutes));
        }
        return table.toString();
    }

    private ReplyTurns turns(FakeChatCompletions fake, LivePublisher live) {
        Clock clock = Clock.systemUTC();
        TaskService tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), clock), clock);
        ModelAgent agent = new ModelAgent(new OpenAiChatClient(OpenAiSettings.bearer(URI.create(fake.baseUrl()),
                ModelSection.MODEL, Optional.of("sk-bench"))), new ModelSettings(1024, 0, Duration.ofSeconds(20),
                ModelSettings.DEFAULT_MAX_ROUNDS), TokenBudget.unlimited(), clock);
        return new ReplyTurns(new DynamoConversationStore(tables), tasks, agent, clock, live);
    }

    private Job.Reply post(String user, String content) {
        DynamoConversationStore store = new DynamoConversationStore(tables);
        Conversation conversation = store.create(user, "Bench", Instant.now(), Optional.empty());
        PostedMessage posted = store.post(user, conversation.id(), content, Instant.now(), Optional.empty());
        return new Job.Reply(user, conversation.id(), posted.reply().number());
    }
}
