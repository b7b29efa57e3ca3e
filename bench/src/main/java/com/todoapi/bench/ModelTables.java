package com.todoapi.bench;

import com.todoapi.agent.openai.OpenAiClientWork;

import java.util.Comparator;
import java.util.List;

/** The model section's results as Markdown tables, each with the goal and whether it is met. */
final class ModelTables {
    static final double LOOP_GOAL_MILLIS = 5;
    static final double GROWTH_GOAL = 1.2;
    private static final double MEMORY_GB = 1.0;

    private ModelTables() {
    }

    static String coldStarts(List<WorkerColdStarts.Result> results) {
        WorkerColdStarts.Result heaviest = results.stream().filter(r -> !r.realReply())
                .max(Comparator.comparingDouble(WorkerColdStarts.Result::medianMillis)).orElseThrow();
        StringBuilder table = new StringBuilder()
                .append("| function, as started | cold start, median (ms) | vs today's heaviest | classes loaded |\n")
                .append("|---|---|---|---|\n");
        for (WorkerColdStarts.Result r : results) {
            table.append(String.format("| %s | %.0f | %.2f | %d |%n", r.name(), r.medianMillis(),
                    r.medianMillis() / heaviest.medianMillis(), r.classesLoaded()));
        }
        table.append(String.format("Today's heaviest in this run: %s, %.0f ms.%n", heaviest.name(), heaviest.medianMillis()));
        for (WorkerColdStarts.Result r : results) {
            if (r.realReply()) {
                table.append(String.format("%s: %.0f ms, %.2f× today's heaviest: %s.%n", r.name(), r.medianMillis(),
                        r.medianMillis() / heaviest.medianMillis(),
                        r.medianMillis() <= heaviest.medianMillis() ? "no heavier (goal met)" : "heavier (goal not met)"));
            }
        }
        return table.toString();
    }

    static String loop(List<ModelLoopTime.Result> results, int turns) {
        StringBuilder table = new StringBuilder()
                .append("| journal | loop's own time per three-round turn, p50 (ms) | p99 (ms) |\n")
                .append("|---|---|---|\n");
        for (ModelLoopTime.Result r : results) {
            table.append(String.format("| %s | %.3f | %.3f |%n", r.journal(), r.p50Millis(), r.p99Millis()));
        }
        double worst = results.stream().mapToDouble(ModelLoopTime.Result::p99Millis).max().orElseThrow();
        table.append(String.format("%d turns each; p99 at most %.3f ms against the goal of %.0f ms: %s.%n", turns, worst,
                LOOP_GOAL_MILLIS, worst < LOOP_GOAL_MILLIS ? "met" : "not met"));
        return table.toString();
    }

    static String clientWork(OpenAiClientWork.Result r) {
        return "| OpenAI client's own work, per model call | p50 (µs) | p99 (µs) |\n|---|---|---|\n"
                + String.format("| request JSON written (`body`) | %.1f | %.1f |%n", r.bodyP50(), r.bodyP99())
                + String.format("| answer parsed (`answer`) | %.1f | %.1f |%n", r.answerP50(), r.answerP99());
    }

    static String growth(PromptGrowth.Point small, PromptGrowth.Point large) {
        StringBuilder table = new StringBuilder()
                .append("| turn at message | prompt tokens, first request | system message (with summary) | earlier messages "
                        + "(window) | message answered | tools | summary (chars) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (PromptGrowth.Point p : List.of(small, large)) {
            table.append(String.format("| %,d | %d | %d | %d | %d | %d | %d |%n", p.message(), p.promptTokens(),
                    p.systemTokens(), p.windowTokens(), p.questionTokens(), p.toolsTokens(), p.summaryChars()));
        }
        double ratio = (double) large.promptTokens() / small.promptTokens();
        table.append(String.format("At message %,d against %,d: %.2f× (goal: at most %.1f×): %s. Grown: system message +%d, "
                        + "window %+d, tools %+d tokens.%n", large.message(), small.message(), ratio, GROWTH_GOAL,
                ratio <= GROWTH_GOAL ? "met" : "not met", large.systemTokens() - small.systemTokens(),
                large.windowTokens() - small.windowTokens(), large.toolsTokens() - small.toolsTokens()));
        return table.toString();
    }

    static String turn(TurnCost.Result r) {
        return "| turns timed | turn p50 (ms) | in model calls p50 (ms) | turn's own p50 (ms) | own p99 (ms) | of which in "
                + "DynamoDB, p50 (ms) | DynamoDB calls | read units | write units | model calls | input tokens | output tokens |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                + String.format("| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |%n", r.turns(),
                r.turnP50(), r.modelP50(), r.ownP50(), r.ownP99(), r.dynamoDbP50(), r.dynamoDbCalls(), r.readUnits(), r.writeUnits(),
                r.modelCalls(), r.inputTokens(), r.outputTokens())
                + "DynamoDB per turn by operation: " + String.join("; ", r.byOperation().stream()
                .map(o -> String.format("%s ×%s (%.1f read, %.1f write units)", o.name(), count(o.calls()), o.readUnits(), o.writeUnits()))
                .toList()) + ".\n";
    }

    /** A count per turn: whole as it nearly always is, else with two decimals. */
    private static String count(double perTurn) {
        return perTurn == Math.rint(perTurn) ? String.format("%.0f", perTurn) : String.format("%.2f", perTurn);
    }

    /**
     * Dollars per million turns: the worker's own time billed by the millisecond at 1 GB arm64 (the
     * turn's own p50, plus the client's JSON work per call, which the model-call time held), one
     * invocation per turn, DynamoDB's units, and the model's tokens at gpt-4.1-mini's list price.
     */
    static String cost(TurnCost.Result r, OpenAiClientWork.Result clientWork) {
        double clientMillis = r.modelCalls() * (clientWork.bodyP50() + clientWork.answerP50()) / 1000;
        double billedMillis = Math.ceil(r.ownP50() + clientMillis);
        double duration = billedMillis / 1000 * MEMORY_GB * Prices.LAMBDA_ARM64_GB_SECOND * 1e6;
        double requests = Prices.LAMBDA_REQUEST * 1e6;
        double dynamoDb = (r.readUnits() * Prices.DYNAMODB_READ_UNIT + r.writeUnits() * Prices.DYNAMODB_WRITE_UNIT) * 1e6;
        double model = (r.inputTokens() * Prices.GPT_4_1_MINI_INPUT_TOKEN + r.outputTokens() * Prices.GPT_4_1_MINI_OUTPUT_TOKEN) * 1e6;
        double waiting = MEMORY_GB * Prices.LAMBDA_ARM64_GB_SECOND * 1e6;
        return "| Lambda duration | Lambda request | DynamoDB | gpt-4.1-mini tokens | total $ per million turns |\n"
                + "|---|---|---|---|---|\n"
                + String.format("| %.2f | %.2f | %.2f | %.2f | %.2f |%n", duration, requests, dynamoDb, model,
                duration + requests + dynamoDb + model)
                + String.format("Lambda billed for %.0f ms (own p50 %.2f ms + the client's JSON work %.3f ms); each second the "
                + "worker waits on the model adds $%.2f per million turns.%n", billedMillis, r.ownP50(), clientMillis, waiting);
    }
}
