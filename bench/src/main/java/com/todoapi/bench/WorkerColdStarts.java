package com.todoapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.Toolbox;
import com.todoapi.conversations.Message;
import com.todoapi.jobs.Job;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;
import com.todoapi.testing.FakeBedrockConverse;
import com.todoapi.testing.FakeChatCompletions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The chat worker started cold answering one real reply job, per assistant: a new JVM as the
 * local runtime starts it (the template's flags and environment, the provider's variables laid
 * over them), given a batch of one job whose reply is pending in the table, and timed to its
 * answer; the reply is then checked written, with its one add_task call. The model agents talk
 * to fakes in this JVM (AGENT=openai to a Chat Completions fake at MODEL_BASE_URL, AGENT=bedrock
 * to a Converse fake at AWS_ENDPOINT_URL_BEDROCK_RUNTIME), each scripted to one add_task call,
 * then a confirmation. Each run has its own user and pending reply. Beside them, in the same
 * turns, functions as they are today, each doing the same work every run: the worker given a job
 * for no conversation (the cold section's case), PostMessageFunction posting for real to a new
 * conversation, and three of the heaviest API functions with their sample events.
 */
final class WorkerColdStarts {
    static final String WORKER = "ChatWorkerFunction";
    /** Among today's heaviest functions in the cold section (2026-12-01), with sample events that do the same every run. */
    static final List<String> COMPARED = List.of("ListConversationsFunction", "CreateConversationFunction", "McpFunction");
    /** The user of the sample events' token. */
    private static final String SAMPLE_USER = "sample-user";
    private static final String MESSAGE = "Add a task to buy groceries";
    private static final String BEDROCK_MODEL = "amazon.nova-lite-v1:0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One variant's figures; {@code realReply}: a worker answering a real job, else a function as it is measured today. */
    record Result(String name, boolean realReply, double medianMillis, int classesLoaded) {
    }

    /** A function started again and again: what each run is started with, and a check of what it did. */
    /** What one run of a variant starts, and how its outcome is checked. */
    @FunctionalInterface
    private interface Preparation {
        PreparedRun prepare(String runName) throws IOException;
    }

    private record Variant(String name, boolean realReply, Preparation preparation) {
        PreparedRun prepare(String runName) throws IOException {
            return preparation.prepare(runName);
        }
    }

    private record PreparedRun(TimedFunction function, Runnable check) {
    }

    private final Path repository;
    private final Template project;
    private final LocalConfig config;
    private final LocalAws aws;
    private final LocalResources resources;
    private final PendingReplies replies;

    WorkerColdStarts(Path repository, Template project, LocalConfig config, LocalAws aws, LocalResources resources,
                     PendingReplies replies) {
        this.repository = repository;
        this.project = project;
        this.config = config;
        this.aws = aws;
        this.resources = resources;
        this.replies = replies;
    }

    List<Result> measure(int runs) throws IOException {
        try (FakeChatCompletions openAi = FakeChatCompletions.start().brain(new AddThenConfirm());
             FakeBedrockConverse bedrock = FakeBedrockConverse.start()) {
            List<Variant> variants = new ArrayList<>();
            variants.add(worker("builtin", Map.of("AGENT", "builtin"), ModelScript.NONE));
            variants.add(worker("openai", Map.of("AGENT", "openai", "MODEL_ID", ModelSection.MODEL,
                    "MODEL_BASE_URL", openAi.baseUrl(), "MODEL_API_KEY", "sk-bench"),
                    new ModelScript(run -> { }, openAi::requestCount, 2))); // its brain answers every turn alike
            variants.add(worker("bedrock", Map.of("AGENT", "bedrock", "MODEL_ID", BEDROCK_MODEL,
                    "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint().toString()),
                    new ModelScript(run -> scriptOneTurn(bedrock, run), () -> bedrock.requests().size(), 2)));
            variants.add(sample(WORKER, replies.workerEvent(new Job.Reply(SAMPLE_USER, 999_999, 2)),
                    WORKER + ", a job for no conversation (nothing to do)"));
            variants.add(realPost());
            for (String function : COMPARED) {
                variants.add(sample(function, caseOf(function).event(repository.resolve("events")), function + ", sample event"));
            }
            Map<Variant, List<Double>> timings = new LinkedHashMap<>();
            variants.forEach(v -> timings.put(v, new ArrayList<>()));
            for (int run = 1; run <= runs; run++) {
                for (Variant variant : variants) {
                    PreparedRun prepared = variant.prepare("run" + run);
                    timings.get(variant).add(prepared.function().coldStartMillis());
                    prepared.check().run();
                }
            }
            List<Result> results = new ArrayList<>();
            for (Variant variant : variants) {
                PreparedRun logged = variant.prepare("classes");
                int classes = logged.function().classesLoaded();
                logged.check().run();
                results.add(new Result(variant.name(), variant.realReply(), Stats.median(timings.get(variant)), classes));
            }
            return results;
        }
    }

    /** A worker variant's model: scripted before each run, how many calls it has answered, and how many a turn makes. */
    private record ModelScript(Consumer<String> scriptOneTurn, IntSupplier callsSoFar, int callsPerTurn) {
        static final ModelScript NONE = new ModelScript(run -> { }, () -> 0, 0);
    }

    /** The Converse fake's answers to one turn: the add_task use, then the confirmation. */
    private static void scriptOneTurn(FakeBedrockConverse bedrock, String runName) {
        bedrock.usesTools("", new FakeBedrockConverse.ToolUse("tooluse_" + runName, Toolbox.ADD_TASK,
                "{\"title\":\"Buy groceries\"}"));
        bedrock.answersText("Added task 1 \"Buy groceries\".", 900, 12);
    }

    /** The worker with AGENT={@code agent}: each run a pending reply of its own, then the reply checked. */
    private Variant worker(String agent, Map<String, String> variables, ModelScript model) {
        FunctionSpec spec = project.function(WORKER);
        Map<String, String> environment = new HashMap<>(LocalRuntime.functionEnvironment(spec, aws, resources, config));
        environment.putAll(variables);
        String name = WORKER + ", AGENT=" + agent + ", one real reply";
        return new Variant(name, true, runName -> {
            Job.Reply job = replies.firstMessage("bench-cold-" + agent + "-" + runName + "-" + System.nanoTime(), MESSAGE);
            model.scriptOneTurn().accept(runName);
            int callsBefore = model.callsSoFar().getAsInt();
            TimedFunction function = new TimedFunction(spec, environment, replies.workerEvent(job));
            return new PreparedRun(function, () -> check(name, job, model.callsSoFar().getAsInt() - callsBefore,
                    model.callsPerTurn()));
        });
    }

    private void check(String name, Job.Reply job, int asked, int modelCalls) {
        Message reply = replies.reply(job);
        List<ToolCall> calls = reply.toolCalls();
        boolean added = calls.size() == 1 && calls.getFirst().tool().equals(Toolbox.ADD_TASK) && !calls.getFirst().failed();
        if (reply.status() != Message.Status.COMPLETED || !added || asked != modelCalls) {
            throw new IllegalStateException(name + " did not answer its job as expected: " + reply.status() + " \""
                    + reply.content() + "\", calls " + calls + ", model asked " + asked + " times (expected " + modelCalls + ")");
        }
    }

    /** A function and the same event every run. */
    private Variant sample(String function, byte[] event, String name) {
        FunctionSpec spec = project.function(function);
        TimedFunction timed = new TimedFunction(spec, LocalRuntime.functionEnvironment(spec, aws, resources, config), event);
        return new Variant(name, false, runName -> new PreparedRun(timed, () -> {
        }));
    }

    /**
     * PostMessageFunction's sample event sent to a new conversation of the sample user each run: a
     * real post (the message and its pending reply in one transaction, the job sent), then checked.
     */
    private Variant realPost() throws IOException {
        FunctionSpec spec = project.function("PostMessageFunction");
        Map<String, String> environment = LocalRuntime.functionEnvironment(spec, aws, resources, config);
        ObjectNode sample = (ObjectNode) JSON.readTree(caseOf("PostMessageFunction").event(repository.resolve("events")));
        String name = "PostMessageFunction, sample event to a conversation of its own (a real post)";
        return new Variant(name, false, runName -> {
            long conversation = replies.newConversation(SAMPLE_USER);
            String path = "/v1/conversations/" + conversation + "/messages";
            ObjectNode event = sample.deepCopy();
            event.put("rawPath", path);
            ((ObjectNode) event.get("pathParameters")).put("conversation_id", Long.toString(conversation));
            ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
            TimedFunction function = new TimedFunction(spec, environment, JSON.writeValueAsBytes(event));
            return new PreparedRun(function, () -> {
                if (replies.messageCount(SAMPLE_USER, conversation) != 2) {
                    throw new IllegalStateException(name + " did not post its message");
                }
            });
        });
    }

    private static ColdStarts.Case caseOf(String function) {
        return Benchmarks.FUNCTIONS.stream().filter(f -> f.function().equals(function)).findFirst().orElseThrow();
    }
}
