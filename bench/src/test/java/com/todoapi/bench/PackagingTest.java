package com.todoapi.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaging benchmark builds each layout and the function answers from every one of them. */
class PackagingTest {

    @Test
    void startsTheFunctionFromEachLayout() throws Exception {
        List<Packaging.Result> results = new Packaging(Path.of("..").toAbsolutePath().normalize())
                .measure(new ColdStarts.Case("GetTaskFunction", "tasks-get.json"), 1);

        assertThat(results).extracting(Packaging.Result::layout).containsExactly("its module's package (as shipped)",
                "one package for every function", "only the jars its first request loads");
        Packaging.Result shipped = results.get(0);
        Packaging.Result everyFunction = results.get(1);
        Packaging.Result trimmed = results.get(2);
        assertThat(results).allSatisfy(r -> assertThat(r.coldMillis()).isPositive());
        assertThat(everyFunction.jars()).as("the other modules' jars on top").isGreaterThan(shipped.jars());
        assertThat(trimmed.jars()).as("the jars it never touches left out").isLessThan(shipped.jars()).isPositive();
        assertThat(trimmed.bytes()).isLessThan(shipped.bytes());
    }
}
