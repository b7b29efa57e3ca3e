package com.todoapi.local.gateway;

import com.todoapi.local.template.HttpRoute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway HTTP API route selection: the most specific route wins (literal segments over
 * path variables, variables over a greedy {@code {proxy+}}, a named method over {@code ANY}),
 * and {@code $default} catches what nothing else matches.
 */
final class RouteTable {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

    private final List<CompiledRoute> routes = new ArrayList<>();
    private final HttpRoute fallback;

    RouteTable(List<HttpRoute> declared) {
        HttpRoute defaultRoute = null;
        for (HttpRoute route : declared) {
            if (route.path().equals("$default")) {
                defaultRoute = route;
            } else {
                routes.add(CompiledRoute.of(route));
            }
        }
        routes.sort(Comparator.comparingInt(CompiledRoute::rank));
        this.fallback = defaultRoute;
    }

    record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    Optional<Match> match(String method, String path) {
        for (CompiledRoute route : routes) {
            if (!route.route.method().equals("ANY") && !route.route.method().equals(method)) {
                continue;
            }
            Matcher m = route.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < route.variables.size(); i++) {
                    parameters.put(route.variables.get(i), Urls.decode(m.group(i + 1)));
                }
                return Optional.of(new Match(route.route, parameters));
            }
        }
        return Optional.ofNullable(fallback).map(route -> new Match(route, Map.of()));
    }

    private record CompiledRoute(HttpRoute route, Pattern pattern, List<String> variables, int rank) {
        static CompiledRoute of(HttpRoute route) {
            Matcher m = VARIABLE.matcher(route.path());
            StringBuilder regex = new StringBuilder();
            List<String> variables = new ArrayList<>();
            int last = 0;
            boolean greedy = false;
            while (m.find()) {
                regex.append(Pattern.quote(route.path().substring(last, m.start())));
                greedy |= !m.group(2).isEmpty();
                regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
                variables.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(route.path().substring(last)));
            int literalSegments = route.path().split("/").length - variables.size();
            int rank = (greedy ? 1_000_000 : 0) - literalSegments * 1_000 + variables.size() * 10
                    + (route.method().equals("ANY") ? 1 : 0);
            return new CompiledRoute(route, Pattern.compile(regex.toString()), List.copyOf(variables), rank);
        }
    }
}
