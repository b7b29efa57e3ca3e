package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.WhenParser;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads one clause into an intent, asking each reader in turn; empty when none understands it. */
final class ClauseParser {
    private final SmallTalkReader smallTalk = new SmallTalkReader();
    private final ListRequestReader lists = new ListRequestReader();
    private final CommandWords commandWords;
    private final List<Function<String, Optional<Intent>>> readersInOrder;

    ClauseParser(Lexicon lexicon, WhenParser when) {
        TaskRefParser taskRefs = new TaskRefParser(lexicon);
        AddRequestReader adds = new AddRequestReader(lexicon, when);
        FilterRequestReader filters = new FilterRequestReader();
        RescheduleRequestReader reschedules = new RescheduleRequestReader(taskRefs, when);
        PriorityRequestReader priorities = new PriorityRequestReader(taskRefs);
        LabelRequestReader labels = new LabelRequestReader(taskRefs);
        BulkRequestReader bulk = new BulkRequestReader();
        QuestionReader questions = new QuestionReader(taskRefs);
        CompleteRequestReader completes = new CompleteRequestReader(taskRefs);
        DeleteRequestReader deletes = new DeleteRequestReader(taskRefs);
        UpdateRequestReader updates = new UpdateRequestReader(taskRefs);
        commandWords = new CommandWords(lexicon);
        // Many-task requests before one-task ones ("delete all tasks" is no task called "all");
        // questions before commands: "what have I done?" lists tasks, it does not complete one;
        // the list's filters before other questions ("what's due today" names no task), a new due
        // date, priority or label before adds, completes and renames ("set the report to high priority");
        // and time words with no command ("pay rent every month on the 1st") last of all.
        readersInOrder = List.of(
                smallTalk::read,
                bulk::read,
                filters::read,
                questions::read,
                lists::readRecall,
                lists::readQuestion,
                reschedules::read,
                priorities::read,
                labels::read,
                adds::read,
                completes::read,
                deletes::read,
                updates::read,
                lists::readCommand,
                adds::readScheduled);
    }

    Optional<Intent> parse(String clause) {
        Optional<Intent> intent = parseAsTyped(clause);
        if (intent.isPresent()) {
            return intent;
        }
        return commandWords.corrected(Utterances.trimEdges(clause)).flatMap(this::parseAsTyped);
    }

    private Optional<Intent> parseAsTyped(String clause) {
        // Small talk is checked before fillers go, or "ok thanks" would be stripped to nothing.
        Optional<Intent> talk = smallTalk.read(Utterances.trimEdges(clause));
        if (talk.isPresent()) {
            return talk;
        }
        String request = Utterances.stripFillers(clause);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        for (Function<String, Optional<Intent>> reader : readersInOrder) {
            Optional<Intent> intent = reader.apply(request);
            if (intent.isPresent()) {
                return intent;
            }
        }
        return Optional.empty();
    }
}
