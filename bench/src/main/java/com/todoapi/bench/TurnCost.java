package com.todoapi.bench;

import com.todoapi.chat.ReplyTurns;
import com.todoapi.conversations.Message;
import com.todoapi.jobs.Job;
import com.todoapi.metrics.Metrics;
import com.todoapi.testing.CapacityMeter;

import java.time.Duration;
import java.util.List;

/**
 * Warm model turns of two rounds (add_task, then the confirmation) on DynamoDB Local, in this JVM,
 * as the worker runs them: each request posted, then its turn timed whole and, apart, the time
 * inside its model calls (the HTTP exchange with the fake, on AWS the model's latency); the turn's
 * own time is the difference, and the part of it inside DynamoDB calls is timed too. DynamoDB calls and consumed capacity are counted per turn, the
 * daily budget's reads and writes included. The conversation's window and summary are full
 * before any turn is timed.
 */
final class TurnCost {
    /** The worker's function timeout, as the turn's time budget. */
    private static final Duration TIME_LEFT = Duration.ofSeconds(60);

    record Result(int turns, double turnP50, double modelP50, double ownP50, double ownP99, double dynamoDbP50,
                  double dynamoDbCalls,
                  double readUnits, double writeUnits, double modelCalls, double inputTokens, double outputTokens,
                  List<CapacityByOperation.Operation> byOperation) {
    }

    private final PendingReplies replies;
    private final ReplyTurns turns;
    private final TimedModelClient model;
    private final CapacityMeter meter;
    private final CapacityByOperation operations;
    private final AwsCallTimer dynamoDbTime;

    TurnCost(PendingReplies replies, ReplyTurns turns, TimedModelClient model, CapacityMeter meter,
             CapacityByOperation operations, AwsCallTimer dynamoDbTime) {
        this.dynamoDbTime = dynamoDbTime;
        this.replies = replies;
        this.turns = turns;
        this.model = model;
        this.meter = meter;
        this.operations = operations;
    }

    Result measure(int warmUp, int timed) {
        String user = "bench-cost-" + System.nanoTime();
        Job.Reply job = replies.firstMessage(user, Errands.request(1));
        int n = 1;
        for (; n <= warmUp; n++) {
            answer(job);
            job = replies.post(user, job.conversationId(), Errands.request(n + 1));
        }
        System.gc();
        operations.reset();
        double[] total = new double[timed];
        double[] inModel = new double[timed];
        double[] own = new double[timed];
        double[] inDynamoDb = new double[timed];
        double calls = 0;
        double readUnits = 0;
        double writeUnits = 0;
        double modelCalls = 0;
        double input = 0;
        double output = 0;
        for (int i = 0; i < timed; i++, n++) {
            meter.reset();
            model.reset();
            dynamoDbTime.reset();
            long started = System.nanoTime();
            turns.answer(job, new Metrics(), TIME_LEFT);
            long elapsed = System.nanoTime() - started;
            check(job);
            calls += meter.calls();
            readUnits += meter.readUnits();
            writeUnits += meter.writeUnits();
            modelCalls += model.calls();
            input += model.inputTokens();
            output += model.outputTokens();
            total[i] = elapsed / 1e6;
            inModel[i] = model.nanos() / 1e6;
            own[i] = (elapsed - model.nanos()) / 1e6;
            inDynamoDb[i] = dynamoDbTime.nanos() / 1e6;
            job = replies.post(user, job.conversationId(), Errands.request(n + 1));
        }
        return new Result(timed, Stats.percentile(total, 50), Stats.percentile(inModel, 50), Stats.percentile(own, 50),
                Stats.percentile(own, 99), Stats.percentile(inDynamoDb, 50), calls / timed, readUnits / timed, writeUnits / timed, modelCalls / timed,
                input / timed, output / timed, operations.operations().stream().map(o -> new CapacityByOperation.Operation(
                        o.name(), o.calls() / timed, o.readUnits() / timed, o.writeUnits() / timed)).toList());
    }

    private void answer(Job.Reply job) {
        turns.answer(job, new Metrics(), TIME_LEFT);
        check(job);
    }

    /** The reply written, with its one successful add_task call. The replies' store is not metered. */
    private void check(Job.Reply job) {
        Message reply = replies.reply(job);
        if (reply.status() != Message.Status.COMPLETED || reply.toolCalls().size() != 1 || reply.toolCalls().getFirst().failed()) {
            throw new IllegalStateException("A timed turn went wrong: " + reply);
        }
    }
}
