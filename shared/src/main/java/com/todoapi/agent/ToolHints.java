package com.todoapi.agent;

/**
 * What a tool does to the list, for clients that ask before acting: {@code readOnly} changes
 * nothing; {@code destructive} may remove what the person had; {@code idempotent} repeated with
 * the same arguments has no further effect.
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent) {

    public static ToolHints readsOnly() {
        return new ToolHints(true, false, true);
    }
}
