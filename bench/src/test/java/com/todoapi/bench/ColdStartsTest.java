package com.todoapi.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark still runs (one start of one function beside the floor); its figures are its own business. */
class ColdStartsTest {

    @Test
    void measuresAFunctionBesideTheFloor() throws Exception {
        List<ColdStarts.Result> results = new ColdStarts(Path.of("..").toAbsolutePath().normalize())
                .measure(List.of(new ColdStarts.Case("GetTaskFunction", "tasks-get.json")), 1);

        assertThat(results).extracting(ColdStarts.Result::function).containsExactly(ColdStarts.FLOOR, "GetTaskFunction");
        ColdStarts.Result floor = results.get(0);
        ColdStarts.Result getTask = results.get(1);
        assertThat(floor.medianMillis()).isPositive();
        assertThat(getTask.medianMillis()).isPositive();
        assertThat(floor.classesLoaded()).as("a JVM loads classes even for hello").isPositive();
        assertThat(getTask.classesLoaded()).as("the SDK, Jackson and Nimbus on top of the floor's")
                .isGreaterThan(floor.classesLoaded() + 500);
        assertThat(getTask.packageBytes()).isGreaterThan(floor.packageBytes());
        assertThat(ColdStartTable.render(results)).contains("| GetTaskFunction |", "Heaviest: GetTaskFunction");
    }
}
