package com.todoapi.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** In fresh-process mode every request runs in a JVM of its own, gone when the response is. */
class FreshProcessModeTest {

    @Test
    void everyRequestGetsANewJvmThatIsStoppedAfterIt(@TempDir Path directory) throws Exception {
        Path template = FixturePackage.create(directory);
        LocalConfig config = new LocalConfig(Map.of("Stage", "test"), Map.of());
        ObjectMapper json = new ObjectMapper();
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(template, config, 0, 0, 0, null, 2, true,
                false, line -> { }));
             HttpClient http = HttpClient.newHttpClient()) {
            List<Long> pids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(runtime.url().resolve("/items/" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                pids.add(json.readTree(response.body()).get("pid").asLong());
            }

            assertThat(pids).doesNotHaveDuplicates();
            assertThat(runtime.function("EchoFunction").instancesStarted()).isEqualTo(3);
            for (long pid : pids) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
            }
        }
    }
}
