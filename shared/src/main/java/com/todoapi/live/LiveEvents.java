package com.todoapi.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.json.Json;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskView;

/** The events this side of the protocol sends (asyncapi.yaml, docs/realtime.md), as JSON objects. */
public final class LiveEvents {
    private LiveEvents() {
    }

    /** {@code {"type":"task.changed","task":{...}}}: the task exactly as the REST API shows it. */
    public static ObjectNode taskChanged(Task task) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("type", "task.changed");
        event.set("task", Json.MAPPER.valueToTree(TaskView.of(task)));
        return event;
    }

    /** {@code {"type":"task.changed","task":{"id":5,"deleted":true}}}. */
    public static ObjectNode taskDeleted(long taskId) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("type", "task.changed");
        event.putObject("task").put("id", taskId).put("deleted", true);
        return event;
    }

    /** The answer to a client's {@code {"action":"ping"}}. */
    public static ObjectNode pong() {
        return Json.MAPPER.createObjectNode().put("type", "pong");
    }

    /** The answer to a message this protocol does not know: {@code {"type":"error","error":{"code","message"}}}. */
    public static ObjectNode error(String code, String message) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("type", "error");
        event.putObject("error").put("code", code).put("message", message);
        return event;
    }
}
