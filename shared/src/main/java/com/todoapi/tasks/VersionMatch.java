package com.todoapi.tasks;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Which versions of a task a write may replace ({@code If-Match}): any, or only those listed.
 * An empty list matches nothing, which is what a malformed or foreign entity tag asks for.
 */
public record VersionMatch(boolean any, Set<Long> versions) {
    public static final VersionMatch ANY = new VersionMatch(true, Set.of());

    public VersionMatch {
        versions = Set.copyOf(versions);
    }

    public static VersionMatch only(Set<Long> versions) {
        return new VersionMatch(false, versions);
    }

    public boolean allows(long version) {
        return any || versions.contains(version);
    }

    /** The one version required, when exactly one is: then the write can check it by itself. */
    public OptionalLong single() {
        return !any && versions.size() == 1 ? OptionalLong.of(versions.iterator().next()) : OptionalLong.empty();
    }
}
