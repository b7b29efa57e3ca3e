package com.todoapi.chat;

import com.todoapi.agent.Agent;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ReplyUsage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.ReplySettlement;
import com.todoapi.jobs.Job;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;
import com.todoapi.profile.Profile;
import com.todoapi.tasks.TaskService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One reply job, as the chat worker runs it: read the conversation's summary and a bounded window
 * of recent messages, let the agent answer with the user's tools, and write the reply and the new
 * summary together, only if the reply is still pending. A repeated job finds the reply settled and
 * does nothing; a run cut short is run again, and its tool calls replay instead of acting twice.
 * A model agent also checkpoints its rounds on the pending reply (the turn's journal), so a run
 * again does not ask the model again what it already answered. A model that refuses the call for
 * good (a bad key, a request it rejects) fails the reply at once: retrying cannot help.
 */
public final class ReplyTurns {
    /** Earlier messages a turn sees besides the summary: the same number at message 1,000 as at 10. */
    public static final int HISTORY_WINDOW = 8;
    public static final String FAILED_REPLY =
            "Sorry, I couldn't answer this message. Please try sending it again.";
    private static final int SUMMARY_ATTEMPTS = 3;
    /** What settling the reply may take after the agent is done: the turn's deadline leaves it over. */
    static final Duration SETTLE_TIME = Duration.ofSeconds(3);

    private final ReplySettlement conversations;
    private final TaskService tasks;
    private final Agent agent;
    private final Clock clock;
    private final Function<String, Optional<ZoneId>> zones;

    public ReplyTurns(ReplySettlement conversations, TaskService tasks, Agent agent, Clock clock) {
        this(conversations, tasks, agent, clock, userId -> Optional.empty());
    }

    /**
     * {@code zones} gives the time zone a person set, empty when none (their profile's): read once
     * a turn, given to the agent ({@link AgentTurn#zone}) and, UTC when empty, to the tools.
     */
    public ReplyTurns(ReplySettlement conversations, TaskService tasks, Agent agent, Clock clock,
                      Function<String, Optional<ZoneId>> zones) {
        this.zones = zones;
        this.conversations = conversations;
        this.tasks = tasks;
        this.agent = agent;
        this.clock = clock;
    }

    /** Writes the reply; false if there was nothing to do (settled already, or the conversation is gone). */
    public boolean answer(Job.Reply job) {
        return answer(job, new Metrics());
    }

    /** As {@link #answer(Job.Reply)}, counting the reply and its tool calls into {@code metrics}. */
    public boolean answer(Job.Reply job, Metrics metrics) {
        return answer(job, metrics, Optional.empty());
    }

    /** As {@link #answer(Job.Reply, Metrics)}, within the {@code timeLeft} of the invocation. */
    public boolean answer(Job.Reply job, Metrics metrics, Duration timeLeft) {
        return answer(job, metrics, Optional.of(clock.instant().plus(timeLeft).minus(SETTLE_TIME)));
    }

    private boolean answer(Job.Reply job, Metrics metrics, Optional<Instant> deadline) {
        try {
            return settle(job, metrics, deadline);
        } catch (ModelCallException refused) {
            if (refused.retryable()) {
                throw refused;
            }
            RequestLog.work("WARN", "model_refused", Map.of("reason", refused.getMessage()), null);
            return giveUp(job, metrics);
        }
    }

    private boolean settle(Job.Reply job, Metrics metrics, Optional<Instant> deadline) {
        for (int attempt = 1; ; attempt++) {
            Optional<Conversation> conversation = conversations.find(job.userId(), job.conversationId());
            if (conversation.isEmpty()) {
                return false;
            }
            // One query: the earlier messages, the one answered, and the reply itself last.
            List<Message> window = conversations.recent(job.userId(), job.conversationId(), job.replyNumber() + 1,
                    HISTORY_WINDOW + 2);
            if (window.isEmpty() || window.getLast().number() != job.replyNumber() || window.getLast().settled()) {
                return false;
            }
            switch (answer(job, conversation.get(), window, metrics, deadline)) {
                case WRITTEN:
                    metrics.count(Metric.REPLIES_COMPLETED);
                    return true;
                case ALREADY_SETTLED, CONVERSATION_GONE:
                    return false;
                case SUMMARY_MOVED:
                    if (attempt == SUMMARY_ATTEMPTS) {
                        throw new IllegalStateException("The conversation kept changing during the turn");
                    }
            }
        }
    }

    private ReplySettlement.ReplyWrite answer(Job.Reply job, Conversation conversation, List<Message> window,
                                              Metrics metrics, Optional<Instant> deadline) {
        Message reply = window.getLast();
        Message question = window.size() < 2 ? null : window.get(window.size() - 2);
        if (question == null || question.number() != reply.number() - 1 || question.role() != Message.Role.USER) {
            throw new IllegalStateException("The message this reply answers is missing");
        }
        List<ChatMessage> history = window.subList(0, window.size() - 2).stream().map(ReplyTurns::forAgent).toList();
        Optional<ZoneId> zone = zones.apply(job.userId());
        TodoTools tools = TodoTools.forTurn(tasks, job.userId(), conversation.id() + ":" + reply.number(), metrics,
                () -> zone.orElse(Profile.DEFAULT_ZONE));
        AgentTurn turn = new AgentTurn(job.userId(), conversation.summary(), history, question.content(), deadline,
                zone);
        long started = System.nanoTime();
        AgentReply answer = agent.respond(turn, tools,
                conversations.journal(job.userId(), conversation.id(), reply.number()));
        answer.usage().ifPresent(usage -> metrics.modelCall(usage.inputTokens(), usage.outputTokens(),
                Duration.ofNanos(System.nanoTime() - started)));
        // A model turn's calls may have run in earlier deliveries: the agent's own record has them all.
        List<ToolCall> calls = answer.toolCalls().orElseGet(tools::calls);
        Optional<ReplyUsage> usage = answer.usage();
        return conversations.settle(job.userId(), conversation, reply.completed(answer.content(), calls, usage),
                answer.summary(), clock.instant());
    }

    /** Marks the reply failed for the person to read, when the job's retries are spent. */
    public boolean giveUp(Job.Reply job, Metrics metrics) {
        boolean failed = conversations.fail(job.userId(), job.conversationId(), job.replyNumber(), FAILED_REPLY);
        if (failed) {
            metrics.count(Metric.REPLIES_FAILED);
        }
        return failed;
    }

    private static ChatMessage forAgent(Message message) {
        ChatMessage.Role role = message.role() == Message.Role.USER ? ChatMessage.Role.USER : ChatMessage.Role.ASSISTANT;
        return new ChatMessage(role, message.content(), message.toolCalls());
    }
}
