package com.todoapi.bench;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.template.FunctionSpec;

import java.util.HashMap;
import java.util.Map;

/** A function's environment as the local runtime gives it, with the per-user rate limit lifted: one user sends every benchmark request. */
final class UnthrottledEnvironment {
    private UnthrottledEnvironment() {
    }

    static Map<String, String> of(FunctionSpec function, LocalAws aws, LocalResources resources, LocalConfig config) {
        Map<String, String> environment = new HashMap<>(LocalRuntime.functionEnvironment(function, aws, resources, config));
        environment.put("RATE_LIMIT_REQUESTS", "100000000");
        return environment;
    }
}
