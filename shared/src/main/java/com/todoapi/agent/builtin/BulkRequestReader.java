package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests about many tasks at once: "mark all as done", "complete everything", "delete
 * everything completed", "clear the finished ones", "clear my list", "delete all tasks".
 */
final class BulkRequestReader {
    private static final String DONE = "(?:done|complete|completed|finished|checked\\s+off|ticked\\s+off)";
    private static final String ALL = "(?:all|everything|every\\s+(?:single\\s+)?(?:task|item|todo|thing|one)"
            + "|all\\s+(?:of\\s+)?(?:my\\s+|the\\s+)?(?:tasks|items|todos|to-dos|things|ones|of\\s+them)|them\\s+all"
            + "|the\\s+(?:whole|entire)\\s+(?:list|lot)|my\\s+(?:whole\\s+|entire\\s+)?list|the\\s+list|list|my\\s+tasks"
            + "|(?:my\\s+|the\\s+)?(?:whole\\s+|entire\\s+)?(?:todo|to-do|task)\\s+list|all\\s+my\\s+stuff)";
    private static final String THAT_IS = "(?:\\s+(?:that|which)(?:'s|\\s+is|\\s+are|'re|\\s+have\\s+been|\\s+has\\s+been|\\s+was|\\s+were)"
            + "|\\s+i(?:'ve|\\s+have)|\\s+already)?(?:\\s+(?:already|now|been))?";
    private static final String DELETE = "(?:delete|remove|erase|clear(?:\\s+out)?|wipe(?:\\s+out)?|drop|trash|purge|scrap"
            + "|get\\s+rid\\s+of|clean\\s+(?:up|out)|empty|bin|discard|ditch|scratch|cross\\s+out)";
    private static final String DONE_TASKS = "(?:(?:all\\s+(?:of\\s+)?)?(?:the\\s+|my\\s+)?(?:completed|finished|done|checked(?:\\s+off)?)"
            + "(?:\\s+(?:tasks|items|ones|todos|to-dos|stuff))?)";
    private static final String PENDING_TASKS = "(?:(?:all\\s+(?:of\\s+)?)?(?:the\\s+|my\\s+)?(?:pending|open|unfinished|incomplete|remaining)"
            + "(?:\\s+(?:tasks|items|ones|todos|to-dos))?)";
    private static final String FROM_LIST = "(?:\\s+(?:from|off|on|in)\\s+(?:my|the)\\s+(?:list|tasks))?";

    private static final Pattern DELETE_COMPLETED = Pattern.compile("^" + DELETE + "\\s+(?:"
            + DONE_TASKS + "|(?:" + ALL + "|anything|the\\s+ones|those|the\\s+tasks|tasks)" + THAT_IS + "\\s+" + DONE + ")"
            + FROM_LIST + "$", Utterances.FLAGS);
    private static final Pattern DELETE_PENDING = Pattern.compile("^" + DELETE + "\\s+" + PENDING_TASKS + FROM_LIST + "$",
            Utterances.FLAGS);
    private static final Pattern DELETE_ALL = Pattern.compile("^(?:" + DELETE + "\\s+" + ALL + FROM_LIST
            + "|start\\s+(?:over|fresh)(?:\\s+with\\s+(?:an?\\s+)?(?:empty|clean|new)\\s+list)?|reset\\s+(?:my|the)\\s+list)$",
            Utterances.FLAGS);
    private static final Pattern COMPLETE_ALL = Pattern.compile("^(?:"
            + "(?:mark|set|flag|check|tick)\\s+(?:off\\s+)?" + ALL + "(?:\\s+off)?(?:\\s+(?:as|to))?\\s+" + DONE
            + "|(?:mark|set|flag)\\s+(?:as\\s+)?" + DONE + "\\s+" + ALL
            + "|(?:complete|finish|check\\s+off|tick\\s+off|cross\\s+off|close)\\s+(?:" + ALL + "|" + PENDING_TASKS + ")"
            + "|(?:check|tick|cross)\\s+(?:" + ALL + ")\\s+off"
            + "|i(?:'ve|\\s+have)?(?:\\s+(?:just|already|now))?\\s+(?:finished|completed|done|did)\\s+(?:" + ALL + "|" + PENDING_TASKS + ")"
            + "|(?:" + ALL + ")\\s+(?:is|are)\\s+(?:now\\s+)?" + DONE + ")" + FROM_LIST + "$", Utterances.FLAGS);

    Optional<Intent> read(String clause) {
        if (DELETE_COMPLETED.matcher(clause).matches()) {
            return Optional.of(new Intent.BulkChange(TaskChange.DELETE, Intent.ListTasks.Status.COMPLETED));
        }
        if (DELETE_PENDING.matcher(clause).matches()) {
            return Optional.of(new Intent.BulkChange(TaskChange.DELETE, Intent.ListTasks.Status.PENDING));
        }
        if (DELETE_ALL.matcher(clause).matches()) {
            return Optional.of(new Intent.BulkChange(TaskChange.DELETE, Intent.ListTasks.Status.ALL));
        }
        if (COMPLETE_ALL.matcher(clause).matches()) {
            return Optional.of(new Intent.BulkChange(TaskChange.COMPLETE, Intent.ListTasks.Status.PENDING));
        }
        return Optional.empty();
    }
}
