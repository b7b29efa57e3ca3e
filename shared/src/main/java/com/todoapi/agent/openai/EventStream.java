package com.todoapi.agent.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a {@code text/event-stream} body as the HTML Living Standard's "event stream
 * interpretation" (section 9.2.6) says: lines end in CRLF, LF or CR; a line starting with a colon
 * is a comment (servers send them as keep-alives); {@code field: value} loses one space after the
 * colon; {@code data} lines join with LF; a blank line dispatches the event, unless it has no
 * data; unknown fields ({@code id}, {@code retry} and any other) are ignored. An event still
 * being built when the body ends is not dispatched, as a browser would not dispatch it.
 */
final class EventStream {
    /** One dispatched event: its {@code event} field ("message" when none was sent) and its data. */
    record Event(String type, String data) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String type = "";
    private boolean hasData;
    private boolean afterCarriageReturn;
    private boolean first = true;

    EventStream(InputStream in) {
        this.in = in;
    }

    /**
     * Hands each event to {@code handler} until it answers false (the stream is done) or the body
     * ends; true if the handler stopped it, false if the body ended first.
     */
    boolean read(Predicate<Event> handler) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n' && afterCarriageReturn) { // the LF of a CRLF: the line ended at the CR
                    afterCarriageReturn = false;
                    continue;
                }
                afterCarriageReturn = b == '\r';
                if (b == '\r' || b == '\n') {
                    if (!endLine(handler)) {
                        return true;
                    }
                } else {
                    line.write(b);
                }
            }
        }
        return false;
    }

    /** False if the handler wants no more events. */
    private boolean endLine(Predicate<Event> handler) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (first) {
            first = false;
            if (text.startsWith("\uFEFF")) { // a byte order mark may open the stream
                text = text.substring(1);
            }
        }
        if (text.isEmpty()) {
            boolean dispatch = hasData;
            Event event = new Event(type.isEmpty() ? "message" : type, data.toString());
            data.setLength(0);
            hasData = false;
            type = "";
            return !dispatch || handler.test(event);
        }
        if (text.charAt(0) == ':') {
            return true;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> type = value;
            default -> { // id, retry and unknown fields mean nothing to a one-shot completion stream
            }
        }
        return true;
    }
}
