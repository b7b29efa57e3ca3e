package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Pattern;

/** "Mark task 3 as complete", "I finished task 4", "task 5 is done", "check off the groceries task". */
final class CompleteRequestReader {
    private static final String DONE = "(?:complete|completed|done|finished|checked(?:\\s+off)?|ticked(?:\\s+off)?)";
    private static final String OFF_THE_LIST = "(?:\\s+(?:my\\s+|the\\s+)?(?:list|tasks|todo\\s+list|to-do\\s+list))?";
    // Group 1 of each pattern is the task.
    private static final Patterns PATTERNS = Patterns.of(
            Pattern.compile("^(?:mark|set|flag)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?" + DONE + "$", Utterances.FLAGS),
            Pattern.compile("^(?:mark|set|flag)\\s+(?:as\\s+)?" + DONE + "\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:complete|finish|finished|completed|close|tick\\s+off|knock\\s+out|knocked\\s+out|check\\s+off|cross\\s+off"
                    + "|cross\\s+out|strike\\s+off|strike\\s+out)\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:check|tick|cross|strike)\\s+(.+?)\\s+off" + OFF_THE_LIST + "$", Utterances.FLAGS),
            Pattern.compile("^i(?:'ve|\\s+have)?(?:\\s+(?:just|already|now|finally))?\\s+(?:finished|completed|done|did"
                    + "|complete|finish)(?:\\s+with)?\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:(?:i'm|im|i\\s+am)\\s+)?(?:(?:all\\s+)?done|finished)\\s+with\\s+(.+)$", Utterances.FLAGS),
            Pattern.compile("^(?:done|finished|completed)\\s*[:\\-]\\s*(.+)$", Utterances.FLAGS),
            // "I paid the rent", "just called mom": the task is what was done, in its past form.
            Pattern.compile("^(?:i(?:'ve|\\s+have)?\\s+|just\\s+)?(?:just\\s+|already\\s+|finally\\s+)?"
                    + "((?!(?:added|created|wanted|needed|forgot|forgotten|asked|tried|planned|decided|started|deleted|removed)\\b)"
                    + "(?:[a-z]+ed|paid|bought|went\\s+to|did|wrote|sent|took|made|got|gave|ate|ran|read|met|sold|swept|drove|rang"
                    + "|brought|fed|cut|put)\\s+.+)$", Utterances.FLAGS),
            Pattern.compile("^(?!(?:show|list|display|see|view|what|which|tell|how|give)\\b)(.+?)(?<!\\sas)(?<!\\sto)(?<!\\sis)\\s+(?:done|finished|completed|checked\\s+off|ticked\\s+off)$", Utterances.FLAGS),
            Pattern.compile("^(.+?)(?:\\s+(?:is|was|are|has\\s+been|have\\s+been)|'s)\\s+(?:now\\s+|all\\s+|finally\\s+)?"
                    + "(?:done|complete|completed|finished)$", Utterances.FLAGS));

    private final TaskRefParser taskRefs;

    CompleteRequestReader(TaskRefParser taskRefs) {
        this.taskRefs = taskRefs;
    }

    Optional<Intent> read(String clause) {
        return PATTERNS.firstCapture(clause).flatMap(taskRefs::parse).map(Intent.CompleteTask::new);
    }
}
