package com.todoapi.e2e;

/** What the end-to-end suites share. */
final class E2e {
    /**
     * Tests that make dozens of requests. The fresh-process run (a new JVM per request) leaves
     * them out to stay within CI's budget; the warm run covers them.
     */
    static final String VOLUME = "volume";

    /**
     * Tests that start a runtime of their own, to break it (kill it, stop an emulator) or to
     * restart it. The fresh-process run leaves them out: what they prove is about the emulators
     * and the whole runtime, not about instance reuse.
     */
    static final String OWN_RUNTIME = "own-runtime";

    /**
     * Checks of how single requests are answered (validation, authentication, headers, log
     * lines, the dead-letter path, the compatibility route, another user's ids), where nothing is
     * carried from one request to the next for a new JVM per request to catch. The fresh-process run leaves them out to keep CI within
     * about 15 minutes; the warm run covers them, and the statelessness rules hold for every handler.
     */
    static final String PER_REQUEST = "per-request";

    private E2e() {
    }
}
