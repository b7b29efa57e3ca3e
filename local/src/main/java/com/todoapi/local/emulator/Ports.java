package com.todoapi.local.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks and checks loopback ports, so a taken one fails with a message that says which and why. */
public final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago: for emulators that cannot bind port 0 themselves. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code port}, or a free one when it is 0; fails clearly when the port is in use. */
    public static int claim(int port, String what, String option) {
        if (port == 0) {
            return free();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("0.0.0.0", port));
            return port;
        } catch (BindException e) {
            throw new PortInUseException("Port " + port + " (" + what + ") is already in use: is another local runtime running? "
                    + "Stop it, or choose another port with " + option + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String message) {
            super(message);
        }
    }
}
