package com.todoapi.agent;

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
                    + "|cool|nice|ok|okay|got\\s+it|good)(?:\\s+(?:so\\s+much|a\\s+lot|very\\s+much|again))?",
            Utterances.FLAGS);
    private static final Pattern BYE = Pattern.compile(
            "(?:bye|goodbye|good\\s*bye|bye\\s+bye|see\\s+you|see\\s+ya|later|good\\s+night|that's\\s+all"
                    + "|that\\s+is\\s+all|nothing\\s+else|never\\s*mind)(?:\\s+(?:for\\s+now|then|later))?",
            Utterances.FLAGS);
    private static final Pattern HELP = Pattern.compile(
            "(?:help|help\\s+me|what\\s+can\\s+you\\s+do|what\\s+do\\s+you\\s+do|how\\s+does\\s+this\\s+work"
                    + "|how\\s+do\\s+i\\s+use\\s+(?:this|you)|what\\s+are\\s+you|who\\s+are\\s+you|commands|menu)",
            Utterances.FLAGS);

    Optional<Intent> read(String clause) {
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
