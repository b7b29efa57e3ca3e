package com.todoapi.agent.model;

import com.todoapi.agent.ReplySink;
import com.todoapi.agent.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TurnSinkTest {

    /** What a listener hears: each piece of text, and "<restart>" where the text starts over. */
    private static final class Heard implements ReplySink {
        final List<String> events = new ArrayList<>();

        @Override
        public void text(String delta) {
            events.add(delta);
        }

        @Override
        public void toolFinished(ToolCall call) {
            events.add("<tool>");
        }

        @Override
        public void restart() {
            events.add("<restart>");
        }

        String joinedSinceLastRestart() {
            int from = events.lastIndexOf("<restart>") + 1;
            return String.join("", events.subList(from, events.size()));
        }
    }

    @Test
    void whitespaceAroundTheTextIsToldAsTheStrippedReplyHasIt() {
        Heard heard = new Heard();
        TurnSink sink = new TurnSink(heard);
        String streamed = "\n\n  Tea is  steeped.\n\nIt calms. \n";

        for (String piece : new String[] {"\n", "\n  Tea", " is ", " ", "steeped.\n", "\n", "It calms.", " \n"}) {
            sink.text(piece);
        }
        sink.finish(streamed.strip());

        assertThat(heard.events).as("no restart: the streamed text already is the reply").doesNotContain("<restart>");
        assertThat(heard.joinedSinceLastRestart()).isEqualTo(streamed.strip());
        assertThat(heard.events).doesNotContain("").first().isEqualTo("Tea");
    }

    @Test
    void aReplyThatDiffersIsToldWholeAfterARestart() {
        Heard heard = new Heard();
        TurnSink sink = new TurnSink(heard);

        sink.text("Hello there");
        sink.finish("Something else");

        assertThat(heard.events).containsExactly("Hello there", "<restart>", "Something else");
    }

    @Test
    void aRestartForgetsHeldWhitespace() {
        Heard heard = new Heard();
        TurnSink sink = new TurnSink(heard);

        sink.text("Let me look. \n");
        sink.startOver();
        sink.text("Done");
        sink.finish("Done");

        assertThat(heard.events).containsExactly("Let me look.", "<restart>", "Done");
    }
}
