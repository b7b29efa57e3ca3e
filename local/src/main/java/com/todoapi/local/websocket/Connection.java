package com.todoapi.local.websocket;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One open client connection: what API Gateway knows of it (its id, when it connected, who it
 * is, when it was last active) and the socket it writes to, one frame at a time.
 */
final class Connection {
    /** Why the gateway itself closed a connection, reported in the {@code $disconnect} event. */
    record ServerClose(int statusCode, String reason) {
    }

    private static final int FRAME_CHARACTERS = 8 * 1024;

    private final String id;
    private final Instant connectedAt;
    private final String sourceIp;
    private final String userAgent;
    private volatile Instant lastActiveAt;
    private volatile Session session;
    private volatile ServerClose serverClose;

    Connection(String id, Instant connectedAt, String sourceIp, String userAgent) {
        this.id = id;
        this.connectedAt = connectedAt;
        this.lastActiveAt = connectedAt;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
    }

    String id() {
        return id;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    Instant lastActiveAt() {
        return lastActiveAt;
    }

    String sourceIp() {
        return sourceIp;
    }

    String userAgent() {
        return userAgent;
    }

    ServerClose serverClose() {
        return serverClose;
    }

    void opened(Session openedSession) {
        this.session = openedSession;
    }

    void active(Instant now) {
        lastActiveAt = now;
    }

    boolean open() {
        Session s = session;
        return s != null && s.isOpen();
    }

    /**
     * Sends one text message and waits until it is written: in frames of at most 8,192 characters
     * (32 KB of UTF-8 at most), as the 32 KB frame limit binds the gateway too, while a message may
     * hold up to 128 KB.
     */
    synchronized void send(String text) throws Exception {
        int start = 0;
        do {
            int end = Math.min(text.length(), start + FRAME_CHARACTERS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            Callback.Completable written = new Callback.Completable();
            session.sendPartialText(text.substring(start, end), end == text.length(), written);
            written.get(10, TimeUnit.SECONDS);
            start = end;
        } while (start < text.length());
    }

    synchronized void send(ByteBuffer binary) throws Exception {
        do {
            ByteBuffer frame = binary.slice(binary.position(), Math.min(binary.remaining(), FRAME_CHARACTERS * 4));
            binary.position(binary.position() + frame.remaining());
            Callback.Completable written = new Callback.Completable();
            session.sendPartialBinary(frame, !binary.hasRemaining(), written);
            written.get(10, TimeUnit.SECONDS);
        } while (binary.hasRemaining());
    }

    /** Closes from the gateway's side, remembering why for the {@code $disconnect} event. */
    void close(ServerClose why) {
        Session s = session;
        if (s != null && serverClose == null) {
            serverClose = why;
            s.close(why.statusCode(), why.reason(), Callback.NOOP);
        }
    }
}
