package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Pattern;

/** "Delete task 2", "remove task #4", "delete the meeting task", "take the groceries off my list". */
final class DeleteRequestReader {
    private static final String THE_LIST = "(?:my\\s+|the\\s+)?(?:list|tasks|todo\\s+list|to-do\\s+list|todos|to-dos"
            + "|task\\s+list)";
    // Group 1 of each pattern is the task.
    private static final Patterns PATTERNS = Patterns.of(
            Pattern.compile("^(?:delete|remove|erase|drop|trash|discard|scrap|scratch|nix|ditch|bin|get\\s+rid\\s+of|forget\\s+about"
                    + "|cancel|take\\s+off|cross\\s+out)\\s+(.+?)"
                    + "(?:\\s+(?:from|off)\\s+" + THE_LIST + ")?$", Utterances.FLAGS),
            Pattern.compile("^take\\s+(.+?)\\s+(?:off|out\\s+of)\\s+" + THE_LIST + "$", Utterances.FLAGS));

    private final TaskRefParser taskRefs;

    DeleteRequestReader(TaskRefParser taskRefs) {
        this.taskRefs = taskRefs;
    }

    Optional<Intent> read(String clause) {
        return PATTERNS.firstCapture(clause).flatMap(taskRefs::parse).map(Intent.DeleteTask::new);
    }
}
