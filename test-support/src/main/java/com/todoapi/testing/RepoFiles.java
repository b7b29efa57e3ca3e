package com.todoapi.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's files from wherever a module's tests run. */
public final class RepoFiles {
    private RepoFiles() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path localConfig() {
        return root().resolve("local").resolve("local-config.json");
    }
}
