package com.todoapi.local;

import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.emulator.Provisioner;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.FunctionProcess;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code invoke FUNCTION EVENT_FILE}: what {@code sam local invoke -e} does, without Docker.
 * Uses the emulators of a running {@code run} when there is one (same data), else starts its own
 * on the same data folder. The response goes to stdout, the function's logs to stderr.
 */
final class Invoke {
    private Invoke() {
    }

    /** DynamoDB Local prints a banner on stdout, which belongs to the function's response alone. */
    private static Emulators startQuietly(Template template, LocalConfig config, Path dataDirectory) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return Emulators.start(template, config.parameters(), 0, 0, dataDirectory);
        } finally {
            System.setOut(stdout);
        }
    }

    static int run(Main.CommandLine line) throws IOException {
        if (line.positional().size() != 2) {
            throw new IllegalArgumentException("invoke needs FUNCTION and EVENT_FILE, e.g. invoke HealthFunction events/health.json");
        }
        Template template = Template.load(line.template());
        FunctionSpec function = template.function(line.positional().get(0));
        byte[] event = Files.readAllBytes(Path.of(line.positional().get(1)));
        LocalConfig config = LocalConfig.read(line.config());

        Emulators started = null;
        LocalAws aws;
        LocalResources resources;
        var running = Main.RunningRuntime.read(line.dataDirectory());
        if (running.isPresent()) {
            aws = new LocalAws(URI.create(running.get().dynamodb()), URI.create(running.get().sqs()));
            resources = new Provisioner(aws).provision(template, config.parameters());
        } else {
            started = startQuietly(template, config, line.dataDirectory());
            aws = started.aws();
            resources = started.resources();
        }
        try {
            Map<String, String> environment = LocalRuntime.functionEnvironment(function, aws, resources, config);
            try (FunctionPool pool = new FunctionPool(new FunctionProcess(function, environment, System.err::println), 1, true)) {
                InvocationResult result = pool.invoke(event);
                switch (result) {
                    case InvocationResult.Success success -> System.out.println(success.text());
                    case InvocationResult.FunctionError error -> System.out.println(error.body());
                    case InvocationResult.Failed failed -> System.err.println("error: " + failed.reason());
                }
                return result.succeeded() ? 0 : 1;
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }
}
