package com.todoapi.agent.model;

import com.todoapi.agent.TurnJournal;
import com.todoapi.agent.ModelRound;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;
import com.todoapi.agent.ToolResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.agent.Agent;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ReplySink;
import com.todoapi.agent.ReplyUsage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.agent.memory.RollingSummary;
import com.todoapi.agent.memory.TaskFact;
import com.todoapi.json.Json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The assistant as a language model with the five tools: up to {@link ModelSettings#maxRounds()}
 * model calls per message, each answer saved in the turn's journal before its tools run and again
 * with their results, so a run cut short resumes where it stopped. The model's tool calls are bad
 * input until checked: an unknown tool, arguments that are not JSON or break the tool's schema
 * each become a tool error the model reads. The user is the toolbox's, fixed by the worker from
 * the job; no argument names a user, and task numbers count within the user's own list, so a
 * model cannot reach another person's task whatever number it writes.
 */
public final class ModelAgent implements Agent {
    /** The longest reply stored: the message limit of the chat routes (ConversationRules.MAX_CONTENT). */
    public static final int MAX_REPLY_CHARS = 4_000;
    public static final String BUDGET_SPENT =
            "You have used today's assistant allowance, so I can't answer this message. Your tasks are all still "
                    + "there, and I can answer again tomorrow (UTC).";
    static final String NO_ANSWER = "Sorry, I have no answer to that. Could you say it another way?";

    private final ModelClient client;
    private final ModelSettings settings;
    private final TokenBudget budget;
    private final Clock clock;
    private final ModelRetries retries;

    public ModelAgent(ModelClient client, ModelSettings settings, TokenBudget budget, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.budget = budget;
        this.clock = clock;
        this.retries = new ModelRetries(client, clock, settings.callTimeout());
    }

    @Override
    public AgentReply respond(AgentTurn turn, Toolbox tools) {
        return respond(turn, tools, TurnJournal.inMemory());
    }

    @Override
    public AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal) {
        return respond(turn, tools, journal, ReplySink.NONE);
    }

    /**
     * Streams each round's text to {@code sink} as the model writes it, starting it over when a
     * round ends in tool calls (that text is not the reply) or a call is retried; tells each tool
     * call as it finishes, those of rounds saved by an earlier run included; and ends with the
     * text told equal to the reply, told whole where it differs (a fallback, a cut reply).
     */
    @Override
    public AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal, ReplySink replySink) {
        TurnSink sink = new TurnSink(replySink);
        AgentReply reply = respond(turn, tools, journal, sink);
        sink.finish(reply.content());
        return reply;
    }

    private AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal, TurnSink sink) {
        List<ModelRound> saved = journal.rounds();
        List<ModelMessage> messages = new ArrayList<>(PromptWindow.of(turn.history(), turn.userMessage()));
        Map<String, ToolSpec> specs = new LinkedHashMap<>();
        tools.specs().forEach(spec -> specs.put(spec.name(), spec));
        List<ModelTool> modelTools = specs.values().stream()
                .map(spec -> new ModelTool(spec.name(), spec.description(), spec.parametersJsonSchema())).toList();
        String system = SystemPrompt.with(turn.summary());
        List<ToolCall> recorded = new ArrayList<>();
        Usage usage = new Usage(client.model(), 0, 0);
        int modelCalls = 0;
        Boolean budgetLeft = null; // read before the first call this run makes, then known from each charge
        for (int number = 1; number <= settings.maxRounds(); number++) {
            ModelRound round = number <= saved.size() ? saved.get(number - 1) : null;
            if (round == null) {
                if (budgetLeft == null) {
                    budgetLeft = budget.allows(turn.userId(), clock.instant());
                }
                if (!budgetLeft) {
                    String text = recorded.isEmpty() ? BUDGET_SPENT : BUDGET_SPENT + " " + doneSoFar(recorded);
                    return reply(text, turn, recorded, usage, modelCalls);
                }
                List<ModelMessage> asked = List.copyOf(messages);
                sink.startOver();
                ModelAnswer answer = withCallIds(number, callIdsIn(messages), retries.complete(timeout -> new ModelRequest(system, asked,
                        modelTools, settings.maxOutputTokens(), settings.temperature(), timeout), turn.deadline(), sink));
                budgetLeft = budget.charge(turn.userId(), answer.usage().totalTokens(), clock.instant());
                round = ModelRound.asked(number, answer);
                journal.save(round);
            }
            usage = usage.plus(round.answer().usage());
            modelCalls++;
            if (round.isFinal()) {
                String text = round.answer().text().strip();
                if (text.isEmpty()) {
                    text = recorded.isEmpty() ? NO_ANSWER : doneSoFar(recorded);
                }
                return reply(text, turn, recorded, usage, modelCalls);
            }
            if (!round.toolsRan()) {
                round = runTools(round, tools, specs, sink);
                journal.save(round);
            } else {
                round.recorded().forEach(sink::toolFinished); // ran in an earlier run: told again to this one's watchers
            }
            recorded.addAll(round.recorded());
            messages.add(new ModelMessage.Assistant(round.answer().text(), round.answer().calls()));
            messages.add(new ModelMessage.ToolResults(round.results()));
        }
        String stopped = "I stopped before finishing: that took more steps than I may take for one message.";
        return reply(recorded.isEmpty() ? stopped + " Nothing was changed." : stopped + " " + doneSoFar(recorded),
                turn, recorded, usage, modelCalls);
    }

    private static ModelRound runTools(ModelRound round, Toolbox tools, Map<String, ToolSpec> specs, ReplySink sink) {
        List<ToolResult> results = new ArrayList<>();
        List<ToolCall> recorded = new ArrayList<>();
        List<RequestedCall> calls = round.answer().calls();
        for (int i = 0; i < calls.size(); i++) {
            RequestedCall call = calls.get(i);
            ToolSpec spec = specs.get(call.tool());
            if (spec == null) {
                String problem = "there is no tool called " + call.tool() + "; the tools are "
                        + String.join(", ", specs.keySet());
                results.add(new ToolResult(call.id(), errorJson(problem), true));
                recorded.add(new ToolCall(call.tool(), Map.of(), Map.of("error", problem)));
                sink.toolFinished(recorded.getLast());
                continue;
            }
            ToolArguments.Checked checked = ToolArguments.check(call.arguments(), spec.parametersJsonSchema());
            if (!checked.ok()) {
                results.add(new ToolResult(call.id(), errorJson(checked.problem()), true));
                recorded.add(new ToolCall(call.tool(), Map.of(), Map.of("error", checked.problem())));
                sink.toolFinished(recorded.getLast());
                continue;
            }
            ToolOutcome outcome = tools.call(call.tool(), checked.arguments().get(), "m" + round.number() + "." + i);
            results.add(new ToolResult(call.id(), outcome.succeeded() ? ToolResultText.of(outcome.result())
                    : errorJson(outcome.error()), !outcome.succeeded()));
            recorded.add(new ToolCall(call.tool(), checked.arguments().get(), outcome.recorded()));
            sink.toolFinished(recorded.getLast());
        }
        return round.withResults(results, recorded);
    }

    /** The ids the conversation sent so far already holds: the history's and earlier rounds'. */
    private static Set<String> callIdsIn(List<ModelMessage> messages) {
        Set<String> ids = new HashSet<>();
        for (ModelMessage message : messages) {
            if (message instanceof ModelMessage.Assistant assistant) {
                assistant.calls().forEach(call -> ids.add(call.id()));
            }
        }
        return ids;
    }

    /**
     * Calls need ids to pair with their results, unique in the whole conversation sent; some
     * servers send none, the same one twice, or {@code call_0} in every round.
     */
    private static ModelAnswer withCallIds(int round, Set<String> earlier, ModelAnswer answer) {
        List<RequestedCall> calls = new ArrayList<>();
        Set<String> seen = new HashSet<>(earlier);
        for (int i = 0; i < answer.calls().size(); i++) {
            RequestedCall call = answer.calls().get(i);
            String id = call.id();
            if (!id.matches("[A-Za-z0-9_-]{1,64}") || seen.contains(id)) {
                id = "call_" + round + "_" + i;
                for (int again = 1; seen.contains(id); again++) { // the model may have sent this very id already
                    id = "call_" + round + "_" + i + "_" + again;
                }
            }
            seen.add(id);
            calls.add(new RequestedCall(id, call.tool(), call.arguments()));
        }
        return new ModelAnswer(answer.text(), calls, answer.usage(), answer.stopReason());
    }

    private AgentReply reply(String text, AgentTurn turn, List<ToolCall> recorded, Usage usage, int modelCalls) {
        String content = capped(text);
        String summary = RollingSummary.parse(turn.summary()).plus(facts(recorded)).text();
        return new AgentReply(content, summary, Optional.of(recorded),
                Optional.of(new ReplyUsage(usage.model(), usage.inputTokens(), usage.outputTokens(), modelCalls)));
    }

    /** What the successful changing calls did, as summary facts: the same lines the built-in agent keeps. */
    static List<TaskFact> facts(List<ToolCall> calls) {
        List<TaskFact> facts = new ArrayList<>();
        for (ToolCall call : calls) {
            if (call.result() instanceof Map<?, ?> result && result.get("task_id") instanceof Number id
                    && result.get("status") instanceof String status && result.get("title") instanceof String title) {
                TaskFact.Kind kind = switch (status) {
                    case "created" -> TaskFact.Kind.ADDED;
                    case "completed" -> TaskFact.Kind.COMPLETED;
                    case "deleted" -> TaskFact.Kind.DELETED;
                    case "updated" -> TaskFact.Kind.UPDATED;
                    default -> null;
                };
                if (kind != null) {
                    facts.add(new TaskFact(kind, id.longValue(), title));
                }
            }
        }
        return facts;
    }

    private static String doneSoFar(List<ToolCall> recorded) {
        List<TaskFact> facts = facts(recorded);
        if (facts.isEmpty()) {
            return "Nothing was changed.";
        }
        return "Done so far: " + facts.stream()
                .map(fact -> fact.kind().name().toLowerCase(Locale.ROOT) + " task " + fact.taskId() + " \"" + fact.title() + "\"")
                .collect(Collectors.joining("; ")) + ".";
    }

    /** The model's text cut to the message limit (a model does not always stop where it is asked to). */
    static String capped(String text) {
        if (text.length() <= MAX_REPLY_CHARS) {
            return text;
        }
        int end = MAX_REPLY_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    private static String errorJson(String problem) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("error", problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
