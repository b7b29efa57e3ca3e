package com.todoapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.LocalTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed-length concurrent run over the main routes through the whole local runtime (front door,
 * function JVMs, DynamoDB Local) with autocannon, a real HTTP load tool (npm, pinned in
 * bench/load/package-lock.json, installed on first use). One user; the rate limit lifted for it.
 */
final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A route under load: method, path and body (or null). */
    record Target(String method, String path, String body) {
        String name() {
            return method + " " + path;
        }
    }

    /** What autocannon measured for one route. */
    record Result(String route, long requests, double perSecond, double p50, double p99, long errors, long non2xx) {
    }

    private final Path repository;

    LoadRun(Path repository) {
        this.repository = repository;
    }

    List<Result> measure(List<Target> targets, int connections, int seconds) throws Exception {
        Path autocannon = installAutocannon();
        LocalConfig local = LocalConfig.read(repository.resolve("local/local-config.json"));
        Map<String, String> parameters = new HashMap<>(local.parameters());
        parameters.put("RateLimitRequests", "100000000");
        LocalConfig config = new LocalConfig(parameters, local.environment());
        List<Result> results = new ArrayList<>();
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(repository.resolve("template.yaml"),
                config, 0, 0, 0, null, 2, false, false, line -> { }))) {
            String auth = "Bearer " + LocalTokens.from(config).mint("load-user", Duration.ofHours(1));
            prepare(runtime.url(), auth);
            for (Target target : targets) {
                run(autocannon, runtime.url(), auth, target, 2, 3); // JVMs started and warm before measuring
                JsonNode report = run(autocannon, runtime.url(), auth, target, connections, seconds);
                results.add(new Result(target.name(), report.at("/requests/total").asLong(),
                        report.at("/requests/average").asDouble(), report.at("/latency/p50").asDouble(),
                        report.at("/latency/p99").asDouble(), report.path("errors").asLong() + report.path("timeouts").asLong(),
                        report.path("non2xx").asLong()));
            }
        }
        return results;
    }

    /** A task and a conversation to read, numbered 1. */
    private static void prepare(URI base, String auth) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/v1/tasks", "/v1/conversations")) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("authorization", auth).POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Load\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not prepare " + path + ": " + created.body());
            }
        }
    }

    private static JsonNode run(Path autocannon, URI base, String auth, Target target, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(autocannon.toString(), "-j", "-c", Integer.toString(connections),
                "-d", Integer.toString(seconds), "-m", target.method(), "-H", "authorization=" + auth,
                "-H", "content-type=application/json"));
        if (target.body() != null) {
            command.addAll(List.of("-b", target.body()));
        }
        command.add(base.resolve(target.path()).toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("autocannon failed: " + new String(output));
        }
        return JSON.readTree(output);
    }

    private Path installAutocannon() throws IOException, InterruptedException {
        Path load = repository.resolve("bench/load");
        Path binary = load.resolve("node_modules/.bin/autocannon");
        if (!Files.isExecutable(binary)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--silent")
                    .directory(load.toFile()).inheritIO().start();
            if (npm.waitFor() != 0 || !Files.isExecutable(binary)) {
                throw new IllegalStateException("npm ci in bench/load failed; the load run needs Node.js and npm");
            }
        }
        return binary;
    }
}
