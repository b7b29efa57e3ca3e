package com.todoapi.bench;

import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.DynamoTokenBudget;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.tasks.TaskService;

import java.time.Clock;

/**
 * The chat worker's turn with a model agent, put together as Services and Agents put it together
 * for AGENT=openai with the template's defaults, but with the model client given, so that a
 * benchmark can time its calls.
 */
final class OpenAiTurns {
    /**
     * A daily budget that is counted in the table like the template's (DailyTokenBudget, 200,000),
     * so each turn makes its reads and writes, but high enough never to stop a benchmark's turns.
     */
    static final long NEVER_SPENT = 1_000_000_000_000L;

    private OpenAiTurns() {
    }

    /** Turns that read and charge the daily budget, as deployed. */
    static ReplyTurns budgeted(Tables tables, ModelClient client) {
        return on(tables, client, new DynamoTokenBudget(tables, NEVER_SPENT));
    }

    /** Turns without a budget: for growing conversations quickly. */
    static ReplyTurns unbudgeted(Tables tables, ModelClient client) {
        return on(tables, client, TokenBudget.unlimited());
    }

    private static ReplyTurns on(Tables tables, ModelClient client, TokenBudget budget) {
        Clock clock = Clock.systemUTC();
        TaskService tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), clock), clock);
        ModelAgent agent = new ModelAgent(client, ModelLoopTime.SETTINGS, budget, clock);
        return new ReplyTurns(new DynamoConversationStore(tables), tasks, agent, clock);
    }
}
