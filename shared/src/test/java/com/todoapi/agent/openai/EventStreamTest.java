package com.todoapi.agent.openai;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The event stream format's parsing rules (HTML Living Standard, 9.2.6 "Interpreting an event stream"). */
class EventStreamTest {

    @Test
    void eachBlankLineDispatchesTheDataBeforeIt() throws IOException {
        assertThat(events("data: {\"a\":1}\n\ndata: [DONE]\n\n"))
                .containsExactly(new EventStream.Event("message", "{\"a\":1}"), new EventStream.Event("message", "[DONE]"));
    }

    @Test
    void linesMayEndInCrLfCrOrLf() throws IOException {
        assertThat(events("data: one\r\n\r\ndata: two\r\rdata: three\n\n"))
                .extracting(EventStream.Event::data).containsExactly("one", "two", "three");
    }

    @Test
    void commentsAreKeepAlivesAndDispatchNothing() throws IOException {
        assertThat(events(": OPENROUTER PROCESSING\n\n:\n\ndata: x\n: between\n\n"))
                .extracting(EventStream.Event::data).containsExactly("x");
    }

    @Test
    void dataLinesJoinWithLineFeedsAndOneSpaceIsDropped() throws IOException {
        assertThat(events("data:a\ndata:  b\ndata\n\n")).extracting(EventStream.Event::data).containsExactly("a\n b\n");
    }

    @Test
    void theEventFieldNamesTheTypeAndOtherFieldsAreIgnored() throws IOException {
        assertThat(events("event: error\nid: 7\nretry: 10\nfoo: bar\ndata: {}\n\n"))
                .containsExactly(new EventStream.Event("error", "{}"));
    }

    @Test
    void anEventWithoutDataIsNotDispatched() throws IOException {
        assertThat(events("event: ping\n\nid: 3\n\n")).isEmpty();
    }

    @Test
    void anEventTheBodyCutBeforeItsBlankLineIsNotDispatched() throws IOException {
        List<EventStream.Event> seen = new ArrayList<>();
        boolean stopped = new EventStream(bytes("data: whole\n\ndata: half")).read(seen::add);
        assertThat(stopped).isFalse();
        assertThat(seen).extracting(EventStream.Event::data).containsExactly("whole");
    }

    @Test
    void theHandlerStopsTheReading() throws IOException {
        List<EventStream.Event> seen = new ArrayList<>();
        boolean stopped = new EventStream(bytes("data: 1\n\ndata: 2\n\ndata: 3\n\n"))
                .read(event -> seen.add(event) && !event.data().equals("2"));
        assertThat(stopped).isTrue();
        assertThat(seen).extracting(EventStream.Event::data).containsExactly("1", "2");
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() throws IOException {
        assertThat(events("\uFEFFdata: x\n\n")).extracting(EventStream.Event::data).containsExactly("x");
    }

    /** A character split across two reads, a CRLF split across two reads. */
    @Test
    void readsOneByteAtATimeGiveTheSameEvents() throws IOException {
        String body = "data: {\"content\":\"caf\u00e9 \uD83D\uDE00 \u4e2d\"}\r\n\r\ndata: [DONE]\r\n\r\n";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < raw.length ? raw[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (at >= raw.length) {
                    return -1;
                }
                buffer[offset] = raw[at++];
                return 1;
            }
        };
        List<EventStream.Event> seen = new ArrayList<>();
        new EventStream(trickle).read(seen::add);
        assertThat(seen).extracting(EventStream.Event::data)
                .containsExactly("{\"content\":\"caf\u00e9 \uD83D\uDE00 \u4e2d\"}", "[DONE]");
    }

    private static List<EventStream.Event> events(String body) throws IOException {
        List<EventStream.Event> seen = new ArrayList<>();
        new EventStream(bytes(body)).read(seen::add);
        return seen;
    }

    private static InputStream bytes(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
