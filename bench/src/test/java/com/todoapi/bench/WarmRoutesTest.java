package com.todoapi.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-route benchmark still runs and counts what a route costs. */
class WarmRoutesTest {

    @Test
    void measuresARouteAndItsDynamoDbCost() throws Exception {
        List<WarmRoutes.Result> results = new WarmRoutes(Path.of("..").toAbsolutePath().normalize())
                .measure(List.of(Benchmarks.ROUTES.get(0), Benchmarks.ROUTES.get(1)), 5, 20);

        assertThat(results).extracting(WarmRoutes.Result::route).containsExactly("POST /v1/tasks", "GET /v1/tasks/{id}");
        WarmRoutes.Result create = results.get(0);
        WarmRoutes.Result get = results.get(1);
        assertThat(create.p50()).isPositive();
        assertThat(create.ownP50()).isLessThanOrEqualTo(create.p50());
        assertThat(create.writeUnits()).as("a create writes").isPositive();
        assertThat(get.calls()).as("a read with a token: the rate-limit update, the leaving marker's get, and one get")
                .isEqualTo(3.0);
        assertThat(get.sqsCalls()).isZero();
        assertThat(WarmRouteTable.render(results)).contains("| `GET /v1/tasks/{id}` |");
        assertThat(CostTable.render(results)).contains("| `POST /v1/tasks` |");
    }
}
