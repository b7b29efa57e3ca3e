package com.todoapi.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** What every function's SnapStart priming must do: reach the table, and write nothing. */
public final class PrimingCheck {
    private PrimingCheck() {
    }

    /** Runs {@code priming} (a function's {@code priming()::run}) with {@code meter} counting its DynamoDB calls. */
    public static void readsTheTableAndWritesNothing(String function, Runnable priming, CapacityMeter meter) {
        meter.reset();
        priming.run();
        assertThat(meter.calls()).as(function + ": DynamoDB calls while priming").isPositive();
        assertThat(meter.writeCalls()).as(function + ": writes while priming").isZero();
    }
}
