package com.todoapi.testing;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalTokens;

import java.time.Duration;
import java.util.UUID;

/** Bearer tokens the local runtime accepts, for users no other test shares. */
public final class Tokens {
    private Tokens() {
    }

    public static LocalTokens local() {
        return LocalTokens.from(LocalConfig.read(RepoFiles.localConfig()));
    }

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    public static String bearer(String userId) {
        return "Bearer " + local().mint(userId, Duration.ofHours(1));
    }
}
