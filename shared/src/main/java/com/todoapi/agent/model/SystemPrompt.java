package com.todoapi.agent.model;

/**
 * What the model is told it is, and what it remembers of the conversation beyond the window: the
 * newest lines of the rolling summary, at most {@link #SUMMARY_CHARS} of them, so a turn at
 * message 1,000 sends about what one at message 10 does (the stored summary keeps more, for the
 * built-in agent's memory). Older facts are a {@code list_tasks} away.
 */
final class SystemPrompt {
    static final int SUMMARY_CHARS = 800;
    static final String INSTRUCTIONS = """
            You are the assistant of a todo list app. You manage this person's tasks with the tools \
            you are given, and nothing else: add_task, list_tasks, complete_task, delete_task, update_task.
            Rules:
            - Confirm every change you make in one short sentence that names the task, with its number \
            and title (for example: Added task 4 "Buy milk").
            - When the person names a task by words rather than by its number, call list_tasks first \
            and act on the task that matches; if several match, or none does, ask which one they mean.
            - Never invent a task number: use only numbers that a tool gave you.
            - If a tool answers with an error, say plainly what went wrong; do not pretend it worked.
            - Do only what the person asked. Ask before deleting when the request is unclear.
            - Reply in the language the person writes in, in plain text: no Markdown, no tables.
            - Keep replies short.""";

    private SystemPrompt() {
    }

    static String with(String summary) {
        String recent = newestLines(summary.strip());
        if (recent.isEmpty()) {
            return INSTRUCTIONS;
        }
        return INSTRUCTIONS + "\n\nWhat was done earlier in this conversation (oldest first):\n" + recent;
    }

    /** The summary's last whole lines that fit in {@link #SUMMARY_CHARS}. */
    static String newestLines(String summary) {
        if (summary.length() <= SUMMARY_CHARS) {
            return summary;
        }
        int start = summary.indexOf('\n', summary.length() - SUMMARY_CHARS - 1);
        return start < 0 ? "" : summary.substring(start + 1);
    }
}
