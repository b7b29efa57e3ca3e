package com.todoapi.e2e;

/** What the end-to-end suites share. */
final class E2e {
    /**
     * Tests that make dozens of requests. The fresh-process run (a new JVM per request) leaves
     * them out to stay within CI's budget; the warm run covers them.
     */
    static final String VOLUME = "volume";

    /**
     * Tests that start a runtime of their own to break it (kill it, stop an emulator). The
     * fresh-process run leaves them out: what they prove is about the emulators and the whole
     * runtime failing, not about instance reuse.
     */
    static final String OWN_RUNTIME = "own-runtime";

    private E2e() {
    }
}
