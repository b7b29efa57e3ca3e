package com.todoapi.e2e;

/** What the end-to-end suites share. */
final class E2e {
    /**
     * Tests that make dozens of requests. The fresh-process run (a new JVM per request) leaves
     * them out to stay within CI's budget; the warm run covers them.
     */
    static final String VOLUME = "volume";

    /**
     * Tests that start and kill the run command themselves. The fresh-process run leaves them
     * out: what they prove is about the whole runtime restarting, not about instance reuse.
     */
    static final String CRASH = "crash";

    private E2e() {
    }
}
