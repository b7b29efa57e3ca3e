package com.todoapi.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * What streaming from Bedrock would cost the chat worker's cold start: ConverseStream exists only
 * on the SDK's async client, which needs an async HTTP client (Netty or CRT), where Converse runs
 * on the sync client over url-connection, as the worker does today. Each variant runs in fresh
 * JVMs: build the client and make one call (to a loopback port that answers nothing and closes,
 * no retries), timing JVM start to the call's failure and counting the classes loaded. The
 * answer's parsing is left out of every variant alike, so this is the client stacks' difference.
 *
 * <p>{@code java -cp <bench classpath> com.todoapi.bench.BedrockStreamingCost [RUNS]} prints a
 * markdown table of medians (docs/benchmarks.md).
 */
public final class BedrockStreamingCost {
    private static final List<String> VARIANTS = List.of("converse-urlconnection", "conversestream-netty", "conversestream-crt");

    private BedrockStreamingCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--probe")) {
            probe(args[1]);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        System.out.println("| Bedrock call | JVM start to first call done, median ms | classes loaded, median |");
        System.out.println("|---|---|---|");
        for (String variant : VARIANTS) {
            List<Double> millis = new ArrayList<>();
            List<Double> classes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                        "-cp", classpath, BedrockStreamingCost.class.getName(), "--probe", variant)
                        .redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes());
                process.waitFor();
                String line = out.lines().filter(l -> l.startsWith("probe ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(variant + " printed no result:\n" + out));
                String[] parts = line.split(" ");
                millis.add(Double.parseDouble(parts[2]));
                classes.add(Double.parseDouble(parts[3]));
            }
            System.out.printf("| %s | %.0f | %.0f |%n", variant, Stats.median(millis), Stats.median(classes));
        }
    }

    private static void probe(String variant) throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread closer = Thread.ofPlatform().daemon().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        silent.accept().close();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            Message ask = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build();
            try {
                switch (variant) {
                    case "converse-urlconnection" -> {
                        try (BedrockRuntimeClient client = BedrockRuntimeClient.builder()
                                .httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                                .credentialsProvider(credentials()).endpointOverride(endpoint)
                                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build()) {
                            client.converse(r -> r.modelId("m").messages(ask));
                        }
                    }
                    case "conversestream-netty" -> stream(NettyNioAsyncHttpClient.create(), endpoint, ask);
                    case "conversestream-crt" -> stream(AwsCrtAsyncHttpClient.create(), endpoint, ask);
                    default -> throw new IllegalArgumentException(variant);
                }
            } catch (SdkException | CompletionException expected) {
                // the loopback port answers nothing: the call fails, as every variant's does
                Throwable cause = expected;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.out.println("failed " + cause.getClass().getName() + ": " + cause.getMessage());
            }
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            System.out.println("probe " + variant + " " + uptime + " " + classes);
            closer.interrupt();
        }
        System.exit(0);
    }

    private static void stream(SdkAsyncHttpClient http, URI endpoint, Message ask) {
        try (BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).endpointOverride(endpoint)
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build()) {
            client.converseStream(r -> r.modelId("m").messages(ask), ConverseStreamResponseHandler.builder()
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder().onContentBlockDelta(delta -> { }).build())
                    .build()).join();
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "bench-secret"));
    }
}
