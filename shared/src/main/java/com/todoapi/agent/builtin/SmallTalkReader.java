package com.todoapi.agent.builtin;

import java.util.Optional;
import java.util.regex.Pattern;

/** Greetings, thanks, goodbyes and requests for help: answered in words, never with a tool. */
final class SmallTalkReader {
    private static final Pattern HELLO = Pattern.compile(
            "(?:hi|hello|hey|hiya|howdy|yo|greetings|good\\s+(?:morning|afternoon|evening|day))"
                    + "(?:\\s+(?:there|bot|assistant|buddy|friend|again|everyone))?",
            Utterances.FLAGS);
    private static final Pattern THANKS = Pattern.compile(
            "(?:(?:ok|okay|great|perfect|awesome|cool|nice)[\\s,]+)?"
                    + "(?:thanks|thank\\s+you|thx|ty|cheers|many\\s+thanks|much\\s+appreciated|great|perfect|awesome"
                    + "|cool|nice|ok|okay|got\\s+it|good|thanks\\s+a\\s+(?:lot|bunch|million)|thank\\s+u|tysm|appreciate\\s+it|you'?re\\s+the\\s+best"
                    + "|(?:that's\\s+)?(?:great|perfect|awesome|helpful|brilliant|amazing))(?:\\s+(?:so\\s+much|a\\s+lot|very\\s+much|again|buddy|mate))?",
            Utterances.FLAGS);
    private static final Pattern BYE = Pattern.compile(
            "(?:bye|goodbye|good\\s*bye|bye\\s+bye|see\\s+you|see\\s+ya|later|good\\s+night|that's\\s+all"
                    + "|that\\s+is\\s+all|that'?s\\s+it|that\\s+will\\s+be\\s+all|that'?ll\\s+be\\s+all|i'?m\\s+(?:done|good|all\\s+set)"
                    + "|all\\s+good|nothing\\s+else|no\\s+thanks|nope|never\\s*mind|cya|ttyl|have\\s+a\\s+good\\s+(?:one|day|night))(?:\\s+(?:for\\s+now|then|later))?",
            Utterances.FLAGS);
    private static final Pattern HELP = Pattern.compile(
            "(?:help|help\\s+me|what\\s+can\\s+you\\s+do|what\\s+do\\s+you\\s+do|how\\s+does\\s+this\\s+work"
                    + "|how\\s+do\\s+i\\s+use\\s+(?:this|you)|what\\s+are\\s+you|who\\s+are\\s+you|commands|menu)",
            Utterances.FLAGS);

    private static final Pattern PIECES = Pattern.compile("\\s*[,.!;]+\\s*|\\s+-\\s+");

    /** The whole clause, or every piece of it ("thank you so much, that's all"): the last piece's kind. */
    Optional<Intent> read(String clause) {
        Optional<Intent> whole = readOne(clause);
        if (whole.isPresent()) {
            return whole;
        }
        String[] pieces = PIECES.split(clause.strip());
        if (pieces.length < 2) {
            return Optional.empty();
        }
        Optional<Intent> last = Optional.empty();
        for (String piece : pieces) {
            if (piece.isBlank()) {
                continue;
            }
            last = readOne(piece);
            if (last.isEmpty()) {
                return Optional.empty();
            }
        }
        return last;
    }

    private Optional<Intent> readOne(String clause) {
        if (HELLO.matcher(clause).matches()) {
            return Optional.of(new Intent.SmallTalk(Intent.SmallTalk.Kind.HELLO));
        }
        if (THANKS.matcher(clause).matches()) {
            return Optional.of(new Intent.SmallTalk(Intent.SmallTalk.Kind.THANKS));
        }
        if (BYE.matcher(clause).matches()) {
            return Optional.of(new Intent.SmallTalk(Intent.SmallTalk.Kind.BYE));
        }
        if (HELP.matcher(clause).matches()) {
            return Optional.of(new Intent.Help());
        }
        return Optional.empty();
    }
}
