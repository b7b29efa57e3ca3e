package com.todoapi.http;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The browser origins a route accepts requests from, for routes that must refuse the rest
 * themselves (the MCP endpoint, against DNS rebinding): the same list as the API's CORS
 * configuration ({@code "*"} for any), and in local mode loopback origins on any port too.
 * A request without an {@code Origin} header is not from a browser page and is not judged here.
 */
public record AllowedOrigins(List<String> origins, boolean allowLoopback) {

    public AllowedOrigins {
        origins = List.copyOf(origins);
    }

    /** {@code list} is comma-separated, as the template passes {@code CorsAllowedOrigins}. */
    public static AllowedOrigins of(String list, boolean allowLoopback) {
        return new AllowedOrigins(Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.toLowerCase(Locale.ROOT))
                .toList(), allowLoopback);
    }

    public boolean allows(String origin) {
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        return origins.contains("*") || origins.contains(normalised) || (allowLoopback && isLoopback(normalised));
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
}
