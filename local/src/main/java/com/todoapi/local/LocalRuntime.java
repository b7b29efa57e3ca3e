package com.todoapi.local;

import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.events.Scheduler;
import com.todoapi.local.events.SqsPoller;
import com.todoapi.local.gateway.CorsPolicy;
import com.todoapi.local.gateway.FrontDoor;
import com.todoapi.local.lambda.AwsCallLog;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.FunctionProcess;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.signin.LocalSignIn;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.HttpRoute;
import com.todoapi.local.template.Intrinsics;
import com.todoapi.local.template.ScheduleSource;
import com.todoapi.local.template.SqsSource;
import com.todoapi.local.template.Template;
import com.todoapi.local.template.TemplateValues;
import com.todoapi.local.template.WebSocketApiSpec;
import com.todoapi.local.websocket.ManagementEndpoints;
import com.todoapi.local.websocket.WebSocketGateway;
import com.todoapi.local.websocket.WebSocketLimits;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole service on one machine, without Docker or an AWS account: the emulators, every
 * function of the template in its own JVMs, the HTTP front door, the WebSocket APIs, the SQS
 * event sources and the schedules.
 */
public final class LocalRuntime implements AutoCloseable {

    /**
     * @param dataDirectory       where DynamoDB data survives restarts, or null for memory only
     * @param maxInstances        the most JVMs one function runs at once; more events wait
     * @param freshProcessPerEvent a new JVM for every event, stopped after it
     * @param awsCallLog          where every function records each AWS call it makes, or null for no recording
     */
    /**
     * @param webSocketPort   the WebSocket API's port (the API port + 2 unless told; 0 picks a free one)
     * @param webSocketLimits the WebSocket API's quotas (AWS's unless a test shortens them)
     */
    public record Options(Path template, LocalConfig config, int port, int dynamoDbPort, int sqsPort,
                          Path dataDirectory, int maxInstances, boolean freshProcessPerEvent,
                          boolean schedules, Consumer<String> log, Path awsCallLog, int webSocketPort,
                          WebSocketLimits webSocketLimits) {
        public Options(Path template, LocalConfig config, int port, int dynamoDbPort, int sqsPort,
                       Path dataDirectory, int maxInstances, boolean freshProcessPerEvent,
                       boolean schedules, Consumer<String> log) {
            this(template, config, port, dynamoDbPort, sqsPort, dataDirectory, maxInstances, freshProcessPerEvent,
                    schedules, log, null);
        }

        public Options(Path template, LocalConfig config, int port, int dynamoDbPort, int sqsPort,
                       Path dataDirectory, int maxInstances, boolean freshProcessPerEvent,
                       boolean schedules, Consumer<String> log, Path awsCallLog) {
            this(template, config, port, dynamoDbPort, sqsPort, dataDirectory, maxInstances, freshProcessPerEvent,
                    schedules, log, awsCallLog, port == 0 ? 0 : port + 2, WebSocketLimits.AWS);
        }

        /** These options, with every function recording its AWS calls into {@code directory}. */
        public Options recordingAwsCallsTo(Path directory) {
            return new Options(template, config, port, dynamoDbPort, sqsPort, dataDirectory, maxInstances,
                    freshProcessPerEvent, schedules, log, directory, webSocketPort, webSocketLimits);
        }

        /** These options, with the WebSocket API on {@code wsPort} under {@code limits}. */
        public Options withWebSocket(int wsPort, WebSocketLimits limits) {
            return new Options(template, config, port, dynamoDbPort, sqsPort, dataDirectory, maxInstances,
                    freshProcessPerEvent, schedules, log, awsCallLog, wsPort, limits);
        }
    }

    private final Emulators emulators;
    private final Map<String, FunctionPool> pools;
    private final FrontDoor frontDoor;
    private final List<SqsPoller> pollers;
    private final Scheduler scheduler;
    private final List<WebSocketGateway> webSockets;

    private LocalRuntime(Emulators emulators, Map<String, FunctionPool> pools, FrontDoor frontDoor,
                         List<SqsPoller> pollers, Scheduler scheduler, List<WebSocketGateway> webSockets) {
        this.webSockets = webSockets;
        this.emulators = emulators;
        this.pools = pools;
        this.frontDoor = frontDoor;
        this.pollers = pollers;
        this.scheduler = scheduler;
    }

    public static LocalRuntime start(Options options) {
        Template template = Template.load(options.template());
        Emulators emulators = Emulators.start(template, options.config().parameters(),
                options.dynamoDbPort(), options.sqsPort(), options.dataDirectory());
        Map<String, FunctionPool> pools = new LinkedHashMap<>();
        List<SqsPoller> pollers = new ArrayList<>();
        Scheduler scheduler = new Scheduler(options.log());
        FrontDoor frontDoor = null;
        List<WebSocketGateway> webSockets = new ArrayList<>();
        try {
            // The WebSocket APIs listen first: their endpoint goes into the functions' environment.
            Map<String, URI> managementEndpoints = new LinkedHashMap<>();
            for (WebSocketApiSpec api : template.webSocketApis()) {
                WebSocketGateway gateway = new WebSocketGateway(webSockets.isEmpty() ? options.webSocketPort() : 0, api,
                        pools::get, options.webSocketLimits(), options.log());
                webSockets.add(gateway);
                managementEndpoints.put(api.logicalId(), gateway.managementEndpoint());
            }
            ManagementEndpoints endpoints = new ManagementEndpoints(managementEndpoints);
            AwsCallLog callLog = options.awsCallLog() == null ? null
                    : new AwsCallLog(options.awsCallLog(), manifest(emulators.resources(), webSockets));
            List<HttpRoute> routes = new ArrayList<>();
            for (FunctionSpec function : template.functions()) {
                Map<String, String> environment = new LinkedHashMap<>(functionEnvironment(function, emulators.aws(),
                        emulators.resources(), options.config()));
                environment.replaceAll((name, value) -> endpoints.localize(value));
                FunctionProcess process = new FunctionProcess(function, environment, options.log());
                if (callLog != null) {
                    process = process.recordingCallsTo(callLog);
                }
                pools.put(function.logicalId(), new FunctionPool(process, options.maxInstances(), options.freshProcessPerEvent()));
                routes.addAll(function.routes());
            }
            for (WebSocketGateway gateway : webSockets) {
                gateway.api().routes().stream().filter(route -> !pools.containsKey(route.functionId())).findFirst()
                        .ifPresent(route -> {
                            throw new IllegalArgumentException("WebSocket route " + route.routeKey() + " of "
                                    + gateway.api().logicalId() + " invokes " + route.functionId()
                                    + ", which is not a function of the template");
                        });
            }
            frontDoor = new FrontDoor(options.port(), routes, pools, corsPolicy(template, emulators.resources(), options.config()),
                    List.of(new LocalSignIn(options.config())), options.log());
            for (FunctionSpec function : template.functions()) {
                for (SqsSource source : function.sqsSources()) {
                    if (source.enabled()) {
                        SqsPoller poller = new SqsPoller(source, emulators.resources(), emulators.aws(),
                                pools.get(function.logicalId()), options.log());
                        pollers.add(poller);
                        poller.start();
                    }
                }
                if (options.schedules()) {
                    for (ScheduleSource schedule : function.schedules()) {
                        scheduler.schedule(schedule, pools.get(function.logicalId()));
                    }
                }
            }
            LocalRuntime runtime = new LocalRuntime(emulators, pools, frontDoor, pollers, scheduler, webSockets);
            if (options.dataDirectory() != null) {
                options.config().onStart().forEach(event -> runtime.sendInBackground(event, options.log()));
            }
            return runtime;
        } catch (RuntimeException e) {
            new LocalRuntime(emulators, pools, frontDoor, pollers, scheduler, webSockets).close();
            throw e;
        }
    }

    /** What {@code ./dev iam-check} needs of this run: the resources' local names, and each WebSocket API's stage and endpoint. */
    private static Map<String, Object> manifest(LocalResources resources, List<WebSocketGateway> webSockets) {
        Map<String, Object> manifest = new LinkedHashMap<>(resources.manifest());
        Map<String, Object> apis = new LinkedHashMap<>();
        webSockets.forEach(ws -> apis.put(ws.api().logicalId(),
                Map.of("stage", ws.api().stageName(), "endpoint", ws.managementEndpoint().toString())));
        manifest.put("webSocketApis", apis);
        return manifest;
    }

    /** The template's CORS configuration with local values; local mode also lets loopback pages on any port call. */
    static CorsPolicy corsPolicy(Template template, LocalResources resources, LocalConfig config) {
        Object configuration = template.httpApiCorsConfiguration()
                .map(raw -> new TemplateValues(template, resources).resolve(raw))
                .orElse(null);
        return CorsPolicy.fromConfiguration(configuration, LocalSignIn.isLocalMode(config));
    }

    /**
     * What Lambda would give the function: its template variables, resolved against the local
     * resources, then the local-mode extras, then what points the SDK at the emulators.
     */
    public static Map<String, String> functionEnvironment(FunctionSpec function, LocalAws aws, LocalResources resources,
                                                   LocalConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            String resolved = Intrinsics.resolve(value, resources);
            if (resolved != null) {
                env.put(name, resolved);
            }
        });
        env.putAll(config.environment());
        env.putAll(aws.environment());
        return env;
    }

    private void sendInBackground(LocalConfig.StartEvent event, Consumer<String> log) {
        FunctionPool pool = function(event.function());
        Thread.ofVirtual().name("on-start-" + event.function()).start(() -> {
            InvocationResult result = pool.invoke(event.event().getBytes(StandardCharsets.UTF_8));
            log.accept("[start] " + event.function() + ": "
                    + (result instanceof InvocationResult.Success success ? success.text() : "failed: " + result));
        });
    }

    public URI url() {
        return frontDoor.url();
    }

    /**
     * Where WebSocket clients connect, {@code ws://127.0.0.1:PORT/STAGE}: the template's (first)
     * WebSocket API, if it has one.
     */
    public Optional<URI> webSocketUrl() {
        return webSockets.stream().findFirst().map(WebSocketGateway::url);
    }

    /** The {@code @connections} endpoint's base URL of the (first) WebSocket API, as the functions get it. */
    public Optional<URI> webSocketManagementEndpoint() {
        return webSockets.stream().findFirst().map(WebSocketGateway::managementEndpoint);
    }

    /** The local WebSocket APIs, one per {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}. */
    public List<WebSocketGateway> webSockets() {
        return webSockets;
    }

    public LocalAws aws() {
        return emulators.aws();
    }

    public LocalResources resources() {
        return emulators.resources();
    }

    public Emulators emulators() {
        return emulators;
    }

    public FunctionPool function(String logicalId) {
        FunctionPool pool = pools.get(logicalId);
        if (pool == null) {
            throw new IllegalArgumentException("No function " + logicalId + "; the template has " + pools.keySet());
        }
        return pool;
    }

    @Override
    public void close() {
        scheduler.close();
        pollers.forEach(SqsPoller::close);
        if (frontDoor != null) {
            frontDoor.close();
        }
        webSockets.forEach(WebSocketGateway::close);
        pools.values().parallelStream().forEach(FunctionPool::close);
        emulators.close();
    }
}
