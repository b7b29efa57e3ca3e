package com.todoapi.local.template;

import java.util.Locale;
import java.util.Map;

/**
 * An {@code HttpApi} event: the route key API Gateway matches ({@code GET /v1/tasks/{task_id}},
 * {@code ANY /{proxy+}} or {@code $default}) and the function it invokes.
 */
public record HttpRoute(String method, String path, String functionId) {

    static HttpRoute of(String functionId, Map<String, Object> properties) {
        Object path = properties.get("Path");
        Object method = properties.get("Method");
        if (path == null && method == null) {
            return new HttpRoute("ANY", "$default", functionId);
        }
        if (path == null || method == null) {
            throw new IllegalArgumentException("Function " + functionId + ": an HttpApi event needs both Path and Method");
        }
        String verb = method.toString().toUpperCase(Locale.ROOT);
        return new HttpRoute(verb.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : verb, path.toString(), functionId);
    }

    public String routeKey() {
        return path.equals("$default") ? "$default" : method + " " + path;
    }
}
