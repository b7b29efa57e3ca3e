package com.todoapi.metrics;

import java.util.List;

/**
 * Every metric the functions publish (docs/operations.md, "Metrics"): its CloudWatch name, unit
 * and the names of its dimensions. Dimensions are fixed here so their values stay few and known:
 * a function name, a tool name, an outcome; never anything a person wrote or who they are.
 */
public enum Metric {
    REPLIES_COMPLETED("RepliesCompleted", Unit.COUNT, Dimension.FUNCTION_NAME),
    REPLIES_FAILED("RepliesFailed", Unit.COUNT, Dimension.FUNCTION_NAME),
    TOOL_CALLS("ToolCalls", Unit.COUNT, Dimension.TOOL, Dimension.OUTCOME),
    REQUESTS_RATE_LIMITED("RequestsRateLimited", Unit.COUNT, Dimension.FUNCTION_NAME),
    IDEMPOTENT_REPLAYS("IdempotentReplays", Unit.COUNT, Dimension.FUNCTION_NAME),
    SWEEPER_REQUEUED("SweeperRequeued", Unit.COUNT, Dimension.FUNCTION_NAME),
    SWEEPER_FAILED("SweeperFailed", Unit.COUNT, Dimension.FUNCTION_NAME),
    REMINDERS_FIRED("RemindersFired", Unit.COUNT, Dimension.FUNCTION_NAME),
    REMINDER_LAG("ReminderLag", Unit.MILLISECONDS, Dimension.FUNCTION_NAME),
    // For agents that call a model (see Metrics#modelCall); the built-in agent calls none.
    MODEL_INPUT_TOKENS("ModelInputTokens", Unit.COUNT, Dimension.FUNCTION_NAME),
    MODEL_OUTPUT_TOKENS("ModelOutputTokens", Unit.COUNT, Dimension.FUNCTION_NAME),
    MODEL_LATENCY("ModelLatency", Unit.MILLISECONDS, Dimension.FUNCTION_NAME),
    // A live push dropped (docs/realtime.md): Outcome gone (410, its item deleted), throttled (429),
    // failed (5xx or any other error), timeout, over_budget (the publish ran out of time before it).
    LIVE_PUSHES_DROPPED("LivePushesDropped", Unit.COUNT, Dimension.FUNCTION_NAME, Dimension.OUTCOME);

    private final String cloudWatchName;
    private final Unit unit;
    private final List<String> dimensions;

    Metric(String cloudWatchName, Unit unit, String... dimensions) {
        this.cloudWatchName = cloudWatchName;
        this.unit = unit;
        this.dimensions = List.of(dimensions);
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    public Unit unit() {
        return unit;
    }

    /** The dimension names, in order; {@value Dimension#FUNCTION_NAME} is filled in by {@link MetricsLog}. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The CloudWatch units the metrics use. */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    /** The dimension names. */
    public static final class Dimension {
        public static final String FUNCTION_NAME = "FunctionName";
        public static final String TOOL = "Tool";
        public static final String OUTCOME = "Outcome";

        private Dimension() {
        }
    }
}
