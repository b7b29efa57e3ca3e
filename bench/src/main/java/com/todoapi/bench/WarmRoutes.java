package com.todoapi.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.config.Env;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.wiring.Services;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warm requests in-process against DynamoDB Local (in a JVM of its own): each route's handler built once (as Lambda
 * builds it, from the function's own environment), warmed up, then timed request by request
 * through the whole pipeline, JWT verification included. The time inside DynamoDB and SQS calls
 * is timed by an SDK interceptor and taken out to give the handler's own; DynamoDB calls and
 * consumed capacity are counted the same way. The functions' log lines go nowhere meanwhile.
 */
final class WarmRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A route: the function serving it, its handler class, the sample event (its body replaced if
     * not null), and whether the request carries a personal API key of the event's user instead of its JWT.
     */
    record Route(String name, String function, String handlerClass, String eventFile, String body, boolean withApiKey) {
        Route(String name, String function, String handlerClass, String eventFile, String body) {
            this(name, function, handlerClass, eventFile, body, false);
        }
    }

    /**
     * One route's figures: latency in milliseconds, DynamoDB per request, and the garbage
     * collections of the measuring JVM (the handler's own allocations) during the timed requests.
     */
    record Result(String route, double p50, double p99, double ownP50, double ownP99, double calls, double readUnits,
                  double writeUnits, double sqsCalls, long collections, double collectionMillis) {
    }

    private final Path repository;

    WarmRoutes(Path repository) {
        this.repository = repository;
    }

    List<Result> measure(List<Route> routes, int warmUp, int requests) throws Exception {
        Template project = Template.load(repository.resolve("template.yaml"));
        LocalConfig config = LocalConfig.read(repository.resolve("local/local-config.json"));
        List<Result> results = new ArrayList<>();
        try (SeparateEmulators emulators = SeparateEmulators.start(repository, project, config)) {
            CapacityMeter meter = new CapacityMeter();
            AwsCallTimer timer = new AwsCallTimer();
            DynamoDbClient dynamoDb = meter.dynamoDb(emulators.aws().dynamoDbEndpoint(), timer);
            SqsClient sqs = SqsClient.builder()
                    .endpointOverride(emulators.aws().sqsEndpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(timer))
                    .build();
            PrintStream console = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                Map<Route, RequestStreamHandler> handlers = new LinkedHashMap<>();
                Map<Route, byte[]> events = new LinkedHashMap<>();
                for (Route route : routes) {
                    FunctionSpec spec = project.function(route.function());
                    Map<String, String> environment = UnthrottledEnvironment.of(spec, emulators.aws(), emulators.resources(),
                            config);
                    // The functions' own clients read the region as Lambda gives it; this process is not one.
                    if (System.getProperty("aws.region") == null) {
                        System.setProperty("aws.region", environment.get("AWS_REGION"));
                    }
                    Services services = new Services(new Env(environment), dynamoDb, () -> sqs, Clock.systemUTC());
                    handlers.put(route, handler(route.handlerClass(), services));
                    events.put(route, event(route, services));
                }
                // Every route warmed before any is timed, so the code they share is compiled for all of them alike.
                for (Map.Entry<Route, RequestStreamHandler> route : handlers.entrySet()) {
                    serveRepeatedly(route.getValue(), events.get(route.getKey()), warmUp);
                }
                for (Map.Entry<Route, RequestStreamHandler> route : handlers.entrySet()) {
                    results.add(measure(route.getKey(), route.getValue(), events.get(route.getKey()), meter, timer, requests));
                }
            } finally {
                System.setOut(console);
            }
        }
        return results;
    }

    private static void serveRepeatedly(RequestStreamHandler handler, byte[] event, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            check(serve(handler, event));
        }
    }

    /**
     * Times {@code requests} one after another. The collection before them clears what earlier
     * routes left in the heap, so the collections counted are this route's own allocations.
     */
    private Result measure(Route route, RequestStreamHandler handler, byte[] event, CapacityMeter meter, AwsCallTimer timer,
                           int requests) throws IOException {
        System.gc();
        meter.reset();
        timer.resetCalls();
        double[] total = new double[requests];
        double[] own = new double[requests];
        long[] collectedBefore = collections();
        for (int i = 0; i < requests; i++) {
            timer.reset();
            long started = System.nanoTime();
            byte[] response = serve(handler, event);
            long elapsed = System.nanoTime() - started;
            check(response);
            total[i] = elapsed / 1e6;
            own[i] = (elapsed - timer.nanos()) / 1e6;
        }
        long[] collectedAfter = collections();
        return new Result(route.name(), Stats.percentile(total, 50), Stats.percentile(total, 99), Stats.percentile(own, 50),
                Stats.percentile(own, 99), (double) meter.calls() / requests, meter.readUnits() / requests,
                meter.writeUnits() / requests, (double) (timer.calls() - meter.calls()) / requests,
                collectedAfter[0] - collectedBefore[0], collectedAfter[1] - collectedBefore[1]);
    }

    /** This JVM's garbage collections so far: how many, and the milliseconds they took. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** The handler as its function builds it, through the constructor that takes the services. */
    private static RequestStreamHandler handler(String className, Services services) throws Exception {
        var constructor = Class.forName(className).getDeclaredConstructor(Services.class);
        constructor.setAccessible(true);
        return (RequestStreamHandler) constructor.newInstance(services);
    }

    /**
     * The sample event without the headers that would turn repeats into replays or conflicts; with
     * {@link Route#withApiKey()}, a read-and-write key made for the event's user in its place of the JWT.
     */
    private byte[] event(Route route, Services services) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readAllBytes(repository.resolve("events").resolve(route.eventFile())));
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.remove(List.of("idempotency-key", "if-match", "prefer"));
        if (route.withApiKey()) {
            String key = services.apiKeys().create(subject(headers.get("authorization").asText()), Optional.of("bench"),
                    Optional.empty(), Optional.empty()).secret();
            headers.put("authorization", "Bearer " + key);
        }
        if (route.body() != null) {
            event.put("body", route.body());
        }
        return JSON.writeValueAsBytes(event);
    }

    /** The {@code sub} of a bearer JWT, read without verifying it (the sample events' own tokens). */
    private static String subject(String authorization) throws IOException {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
    }

    private static byte[] serve(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toByteArray();
    }

    private static void check(byte[] response) throws IOException {
        int status = JSON.readTree(response).path("statusCode").asInt();
        if (status >= 400) {
            throw new IllegalStateException("The benchmark's request failed with " + status + ": "
                    + new String(response, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
