package com.todoapi.http;

import com.todoapi.domain.DomainException;
import com.todoapi.tasks.VersionMatch;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags of versioned items: {@code "<version>"}. {@code If-Match} is compared strongly
 * (RFC 9110): weak tags and tags this API never issued match nothing, {@code *} matches any.
 */
public final class EntityTags {
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e]*)\"\\s*(,|$)");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static VersionMatch ifMatch(Optional<String> header) {
        if (header.isEmpty() || header.get().strip().equals("*")) {
            return VersionMatch.ANY;
        }
        String value = header.get();
        Set<Long> versions = new HashSet<>();
        Matcher m = TAG.matcher(value);
        int at = 0;
        while (at < value.length() && m.find(at) && m.start() == at) {
            boolean weak = m.group(1) != null;
            String opaque = m.group(2);
            if (!weak && opaque.matches("0|[1-9][0-9]{0,17}")) {
                versions.add(Long.parseLong(opaque));
            }
            at = m.end();
        }
        if (at < value.length() || value.isBlank()) {
            throw DomainException.invalid("If-Match", "must be * or a list of quoted entity tags");
        }
        return VersionMatch.only(versions);
    }
}
