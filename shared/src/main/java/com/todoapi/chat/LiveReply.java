package com.todoapi.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.ReplySink;
import com.todoapi.agent.ToolCall;
import com.todoapi.conversations.MessageView;
import com.todoapi.json.Json;
import com.todoapi.live.LiveChannel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One turn's reply as live events (docs/realtime.md): {@code reply.delta} with the text as it is
 * written, batched ({@link DeltaBatcher}), numbered by {@code seq} from 1 within an {@code attempt};
 * {@code reply.tool} as each tool call finishes; then {@code reply.completed} or
 * {@code reply.failed} with the reply as {@code GET .../messages} shows it. When the text starts
 * over (a retried model call, a round of text before tool calls, the turn run again) the attempt
 * grows and {@code seq} starts again at 1, so a client replaces the text rather than appending.
 * A run numbers its first attempt by the tenths of a second since the reply was posted
 * ({@link #firstAttempt}), so a run that starts later numbers above every earlier one however its
 * job came back: redelivered by the queue (a worker killed mid-stream), or sent again by the
 * sweeper or a restart, whose message the queue counts from one again.
 * Deltas are previews, never state: nothing here is stored, and nothing here can fail the turn.
 */
final class LiveReply implements ReplySink, AutoCloseable {
    /** API Gateway's WebSocket frame size: no event this class sends is larger. */
    static final int MAX_FRAME_BYTES = 32 * 1024;
    /** A run's first attempt grows by one every this much after the post; a run restarts far fewer times than that. */
    static final Duration ATTEMPT_TICK = Duration.ofMillis(100);
    static final Duration DRAIN_BUDGET = Duration.ofSeconds(2);

    private final EventPump pump;
    private final long conversationId;
    private final String replyId;
    private final LongSupplier nanoTime;
    private final DeltaBatcher batcher = new DeltaBatcher();
    private int attempt = 1;
    private long seq = 1;

    LiveReply(LiveChannel channel, long conversationId, String replyId, LongSupplier nanoTime) {
        this(new EventPump(channel, DRAIN_BUDGET), conversationId, replyId, nanoTime);
    }

    /** A reply nobody listens to: its events go nowhere, and no thread is started to send them. */
    static LiveReply unheard(long conversationId, String replyId) {
        return new LiveReply(EventPump.discarding(), conversationId, replyId, System::nanoTime);
    }

    private LiveReply(EventPump pump, long conversationId, String replyId, LongSupplier nanoTime) {
        this.pump = pump;
        this.conversationId = conversationId;
        this.replyId = replyId;
        this.nanoTime = nanoTime;
    }

    /** The first attempt of a run that starts at {@code now} on a reply posted at {@code posted}: 1, and up from there. */
    static int firstAttempt(java.time.Instant posted, java.time.Instant now) {
        long ticks = Math.max(0, Duration.between(posted, now).toMillis()) / ATTEMPT_TICK.toMillis();
        return (int) Math.min(Integer.MAX_VALUE / 2, 1 + ticks);
    }

    /** Numbers this run's attempts from {@code first}, unless it already went past it. */
    void numberFrom(int first) {
        if (first > attempt) {
            attempt = first;
            seq = 1;
            batcher.discard();
        }
    }

    @Override
    public void text(String delta) {
        batcher.add(delta, nanoTime.getAsLong()).ifPresent(this::sendDelta);
    }

    @Override
    public void toolFinished(ToolCall call) {
        flush();
        ObjectNode event = event("reply.tool");
        event.put("tool", call.tool());
        event.set("args", Json.MAPPER.valueToTree(call.args()));
        event.set("result", Json.MAPPER.valueToTree(call.result()));
        if (bytes(event) > MAX_FRAME_BYTES) { // a long task list: the stored reply has it whole
            event.putObject("result").put("omitted", true);
        }
        pump.send(event);
    }

    @Override
    public void restart() {
        batcher.discard();
        attempt++;
        seq = 1;
    }

    /** The reply as stored, settled: the last event of the turn. */
    void completed(MessageView reply) {
        flush();
        ObjectNode event = Json.MAPPER.createObjectNode().put("type", "reply.completed").put("conversation_id", conversationId);
        event.set("reply", Json.MAPPER.valueToTree(reply));
        pump.send(event);
    }

    /** The reply as stored, failed. */
    void failed(MessageView reply) {
        batcher.discard();
        ObjectNode event = Json.MAPPER.createObjectNode().put("type", "reply.failed").put("conversation_id", conversationId);
        event.set("reply", Json.MAPPER.valueToTree(reply));
        pump.send(event);
    }

    /** Waits a little for the events still queued to go; never longer than {@link #DRAIN_BUDGET}. */
    @Override
    public void close() {
        pump.close();
    }

    private void flush() {
        batcher.drain().ifPresent(this::sendDelta);
    }

    /** One event, or several if its text would make a frame over {@link #MAX_FRAME_BYTES}. */
    private void sendDelta(String text) {
        ObjectNode event = delta(text);
        if (bytes(event) <= MAX_FRAME_BYTES || text.length() < 2) {
            pump.send(event);
            seq++;
            return;
        }
        int half = text.length() / 2;
        if (Character.isHighSurrogate(text.charAt(half - 1))) {
            half++;
        }
        sendDelta(text.substring(0, half));
        sendDelta(text.substring(half));
    }

    private ObjectNode delta(String text) {
        ObjectNode event = event("reply.delta");
        event.put("attempt", attempt);
        event.put("seq", seq);
        event.put("text", text);
        return event;
    }

    private ObjectNode event(String type) {
        return Json.MAPPER.createObjectNode().put("type", type).put("conversation_id", conversationId).put("reply_id", replyId);
    }

    private static int bytes(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
