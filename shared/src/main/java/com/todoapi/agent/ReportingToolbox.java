package com.todoapi.agent;

import java.util.List;
import java.util.Map;

/** A toolbox that tells a {@link ReplySink} of each call once it has run. */
final class ReportingToolbox implements Toolbox {
    private final Toolbox tools;
    private final ReplySink sink;

    ReportingToolbox(Toolbox tools, ReplySink sink) {
        this.tools = tools;
        this.sink = sink;
    }

    @Override
    public List<ToolSpec> specs() {
        return tools.specs();
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        return told(tool, args, tools.call(tool, args));
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args, String position) {
        return told(tool, args, tools.call(tool, args, position));
    }

    private ToolOutcome told(String tool, Map<String, Object> args, ToolOutcome outcome) {
        sink.toolFinished(new ToolCall(tool, args, outcome.recorded()));
        return outcome;
    }
}
