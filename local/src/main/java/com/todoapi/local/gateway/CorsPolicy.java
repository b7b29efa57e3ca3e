package com.todoapi.local.gateway;

import com.todoapi.local.template.Yaml;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's CORS configuration as API Gateway applies it: a preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) is answered by the gateway, never a
 * function; a request from an allowed origin gets the configured headers on its response, and
 * CORS headers a function set are dropped; a foreign origin gets no CORS headers at all.
 * Origins match exactly, or as {@code *}, {@code https://*} or {@code http://*}. Local mode
 * also allows loopback origins ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) on any port.
 */
public record CorsPolicy(List<String> allowOrigins, boolean allowLoopbackOrigins, List<String> allowMethods,
                         List<String> allowHeaders, List<String> exposeHeaders, Optional<Integer> maxAgeSeconds,
                         boolean allowCredentials) {

    /** No CORS configured: preflights are routed like any request (and find no route), no headers added. */
    public static final CorsPolicy NONE = new CorsPolicy(List.of(), false, List.of(), List.of(), List.of(),
            Optional.empty(), false);

    public CorsPolicy {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /**
     * From a resolved {@code CorsConfiguration}: null (CORS off), a string or list of origins, or
     * the object with {@code AllowOrigins}, {@code AllowHeaders}...
     */
    public static CorsPolicy fromConfiguration(Object configuration, boolean allowLoopbackOrigins) {
        if (configuration == null || Boolean.FALSE.equals(configuration)) {
            return NONE;  // as deployed: no CORS in the template is no CORS, local mode or not
        }
        if (Boolean.TRUE.equals(configuration)) {
            return new CorsPolicy(List.of("*"), allowLoopbackOrigins, List.of(), List.of(), List.of(), Optional.empty(), false);
        }
        if (configuration instanceof String || configuration instanceof List<?>) {
            return new CorsPolicy(strings(configuration), allowLoopbackOrigins, List.of(), List.of(), List.of(),
                    Optional.empty(), false);
        }
        Map<String, Object> properties = Yaml.map(configuration);
        Object maxAge = properties.get("MaxAge");
        return new CorsPolicy(strings(properties.get("AllowOrigins")), allowLoopbackOrigins,
                strings(properties.get("AllowMethods")), strings(properties.get("AllowHeaders")),
                strings(properties.get("ExposeHeaders")),
                maxAge == null ? Optional.empty() : Optional.of(Yaml.integer(maxAge, 0)),
                Boolean.parseBoolean(String.valueOf(properties.get("AllowCredentials"))));
    }

    public boolean enabled() {
        return !allowOrigins.isEmpty() || allowLoopbackOrigins;
    }

    /** A CORS preflight, which the gateway answers itself when CORS is configured. */
    public boolean isPreflight(String method, Optional<String> origin, Optional<String> requestedMethod) {
        return enabled() && method.equals("OPTIONS") && origin.isPresent() && requestedMethod.isPresent();
    }

    /** The headers of the gateway's answer to a preflight: none for an origin that is not allowed. */
    public Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!allows(origin)) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", allowOriginValue(origin));
        if (!allowMethods.isEmpty()) {
            headers.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
        }
        if (!allowHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(",", allowHeaders).toLowerCase(Locale.ROOT));
        }
        maxAgeSeconds.ifPresent(age -> headers.put("Access-Control-Max-Age", age.toString()));
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        headers.put("Vary", "Origin");
        return headers;
    }

    /** The headers added to a function's response for a request from {@code origin}: none for a foreign one. */
    public Map<String, String> responseHeaders(Optional<String> origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin.isEmpty() || !allows(origin.get())) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", allowOriginValue(origin.get()));
        if (!exposeHeaders.isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders).toLowerCase(Locale.ROOT));
        }
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        headers.put("Vary", "Origin");
        return headers;
    }

    public boolean allows(String origin) {
        if (allowLoopbackOrigins && isLoopback(origin)) {
            return true;
        }
        for (String allowed : allowOrigins) {
            if (allowed.equals("*")
                    || allowed.equalsIgnoreCase(origin)
                    || (allowed.endsWith("://*") && origin.toLowerCase(Locale.ROOT)
                    .startsWith(allowed.substring(0, allowed.length() - 1).toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private String allowOriginValue(String origin) {
        return allowOrigins.contains("*") && !allowCredentials ? "*" : origin;
    }

    private static boolean isLoopback(String origin) {
        try {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            return web && bare && host != null && uri.getUserInfo() == null
                    && (host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}"));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(value.toString().trim());
    }
}
