package com.todoapi.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.apikeys.Scope;
import com.todoapi.json.Json;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller's tools, each checked against the caller's scopes before it runs: {@code list_tasks}
 * needs {@code read}, every other tool {@code write}. A call the scopes do not allow is a JSON-RPC
 * error with HTTP 403 ({@link RpcError#INSUFFICIENT_SCOPE}, {@code data.required_scope}), and
 * nothing runs. Listing the tools is allowed to every caller: the list holds nobody's data.
 */
public final class ScopedTools implements Toolbox {
    private final Toolbox tools;
    private final Set<Scope> granted;

    private ScopedTools(Toolbox tools, Set<Scope> granted) {
        this.tools = tools;
        this.granted = Set.copyOf(granted);
    }

    public static Toolbox of(Toolbox tools, Set<Scope> granted) {
        return new ScopedTools(tools, granted);
    }

    /** The scope a tool needs. */
    public static Scope requiredScope(String tool) {
        return LIST_TASKS.equals(tool) ? Scope.READ : Scope.WRITE;
    }

    @Override
    public List<ToolSpec> specs() {
        return tools.specs();
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        check(tool);
        return tools.call(tool, args);
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args, String position) {
        check(tool);
        return tools.call(tool, args, position);
    }

    private void check(String tool) {
        Scope needed = requiredScope(tool);
        if (!needed.allowedBy(granted)) {
            ObjectNode data = Json.MAPPER.createObjectNode();
            data.put("required_scope", needed.wireName());
            throw new RpcError(403, RpcError.INSUFFICIENT_SCOPE, "This API key lacks the \"" + needed.wireName()
                    + "\" scope the tool " + tool + " needs", data);
        }
    }
}
