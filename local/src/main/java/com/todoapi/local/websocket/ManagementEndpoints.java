package com.todoapi.local.websocket;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a function's environment at the local {@code @connections} endpoint: a value that names a
 * WebSocket API's execute-api URL, {@code https://API.execute-api.REGION.amazonaws.com/STAGE} (what
 * {@code !Sub "https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"} resolves to
 * locally, the API's {@code Ref} being its logical id), becomes that API's local endpoint, so the
 * functions' unmodified SDK client posts to the local gateway.
 */
public final class ManagementEndpoints {
    private static final Pattern EXECUTE_API =
            Pattern.compile("https://([A-Za-z0-9]+)\\.execute-api\\.[A-Za-z0-9-]+\\.amazonaws\\.com(/[^\\s\"',]*)?");

    private final Map<String, URI> byApi;

    /** @param byApi each WebSocket API's logical id and its local management endpoint */
    public ManagementEndpoints(Map<String, URI> byApi) {
        this.byApi = Map.copyOf(byApi);
    }

    public String localize(String value) {
        if (value == null || byApi.isEmpty()) {
            return value;
        }
        Matcher m = EXECUTE_API.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            URI local = byApi.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(local == null ? m.group() : local.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
