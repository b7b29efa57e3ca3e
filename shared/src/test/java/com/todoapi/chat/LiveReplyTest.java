package com.todoapi.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.ToolCall;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The events of one turn, read off an in-process channel. */
class LiveReplyTest {
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();

    @Test
    void deltasAreNumberedWithinAnAttemptAndARestartBeginsTheNext() {
        try (LiveReply reply = new LiveReply(events::add, 7, "2", now::get)) {
            reply.text("Let me ");
            now.addAndGet(200_000_000L);
            reply.text("look.");
            reply.restart();
            reply.text("Done");
            now.addAndGet(200_000_000L);
            reply.text(".");
        }
        assertThat(events).extracting(e -> e.path("attempt").asInt() + ":" + e.path("seq").asInt() + ":" + e.path("text").asText())
                .containsExactly("1:1:Let me ", "1:2:look.", "2:1:Done", "2:2:.");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("reply.delta");
            assertThat(e.path("conversation_id").asLong()).isEqualTo(7);
            assertThat(e.path("reply_id").asText()).isEqualTo("2");
        });
    }

    /** A run that starts later numbers above an earlier run's restarts, however its job came back. */
    @Test
    void aLaterRunsAttemptsComeAfterEveryEarlierRunsOnes() {
        Instant posted = Instant.parse("2026-12-05T10:00:00Z");
        try (LiveReply first = new LiveReply(events::add, 1, "2", now::get)) {
            first.numberFrom(LiveReply.firstAttempt(posted, posted.plusMillis(250)));
            for (int i = 0; i < 40; i++) { // every round and every retry of a long turn
                first.restart();
            }
            first.text("a");
        }
        try (LiveReply second = new LiveReply(events::add, 1, "2", now::get)) { // the queue's retry, 10 s on
            second.numberFrom(LiveReply.firstAttempt(posted, posted.plusSeconds(10)));
            second.text("b");
        }
        assertThat(events).extracting(e -> e.path("attempt").asInt()).containsExactly(43, 101);
        assertThat(LiveReply.firstAttempt(posted, posted)).isEqualTo(1);
        assertThat(LiveReply.firstAttempt(posted, posted.minusSeconds(3))).as("a clock a little behind").isEqualTo(1);
    }

    @Test
    void aToolEventFollowsTheTextBeforeIt() {
        try (LiveReply reply = new LiveReply(events::add, 1, "2", now::get)) {
            reply.text("A");
            reply.text("B"); // held: within 100 ms of the first
            reply.toolFinished(new ToolCall("add_task", Map.of("title", "Milk"), Map.of("task_id", 1, "status", "created")));
        }
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("reply.delta", "reply.delta", "reply.tool");
        JsonNode tool = events.get(2);
        assertThat(tool.path("tool").asText()).isEqualTo("add_task");
        assertThat(tool.path("args").path("title").asText()).isEqualTo("Milk");
        assertThat(tool.path("result").path("task_id").asInt()).isEqualTo(1);
    }

    @Test
    void noFrameIsOver32KbWhateverTheTextHolds() {
        String huge = "\u0001\u00e9\uD83D\uDE00".repeat(9_000) + "end"; // control characters escape to six bytes each
        try (LiveReply reply = new LiveReply(events::add, 1, "2", now::get)) {
            reply.text(huge);
            reply.toolFinished(new ToolCall("list_tasks", Map.of(), List.of(Map.of("title", "t".repeat(40_000)))));
        }
        List<JsonNode> deltas = events.stream().filter(e -> e.path("type").asText().equals("reply.delta")).toList();
        assertThat(deltas.size()).isGreaterThan(1);
        assertThat(events).allSatisfy(e -> assertThat(e.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LiveReply.MAX_FRAME_BYTES));
        assertThat(deltas.stream().map(e -> e.path("text").asText()).reduce("", String::concat)).isEqualTo(huge);
        assertThat(deltas).extracting(e -> e.path("seq").asInt()).isSorted().doesNotHaveDuplicates();
        JsonNode tool = events.getLast();
        assertThat(tool.path("result").path("omitted").asBoolean()).as("the stored reply has it whole").isTrue();
    }

    /** A channel that hangs holds the turn no longer than the drain budget. */
    @Test
    void aStuckChannelCostsTheTurnAtMostTheDrainBudget() {
        long started = System.nanoTime();
        try (LiveReply reply = new LiveReply(event -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 1, "2", System::nanoTime)) {
            for (int i = 0; i < 2_000; i++) {
                reply.text("x".repeat(250));
            }
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).isLessThan(LiveReply.DRAIN_BUDGET.toMillis() + 1_500);
    }

    @Test
    void aChannelThatThrowsIsTheChannelsProblem() {
        try (LiveReply reply = new LiveReply(event -> {
            throw new IllegalStateException("410 Gone");
        }, 1, "2", now::get)) {
            reply.text("still fine");
        }
    }
}
