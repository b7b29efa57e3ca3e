package com.todoapi.apikeys;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The key format: prefix, base62, CRC32 checksum; what scanners match; every single-character typo refused. */
class ApiKeyFormatTest {
    private static final Pattern SCANNER = Pattern.compile(ApiKeyFormat.SCANNER_REGEX);

    @Test
    void generatedKeysAreWellFormedDistinctAndMatchTheScannerPattern() {
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String key = ApiKeyFormat.generate(random);
            assertThat(key).hasSize(40).startsWith("tdk_");
            assertThat(ApiKeyFormat.isWellFormed(key)).as(key).isTrue();
            assertThat(SCANNER.matcher("leaked in a log: " + key + ".").find()).isTrue();
            keys.add(key);
        }
        assertThat(keys).hasSize(10_000);
        assertThat(ApiKeyFormat.RANDOM_CHARS * Math.log(62) / Math.log(2)).as("bits of entropy").isGreaterThan(128);
    }

    @Test
    void everySingleCharacterChangeFailsTheChecksum() {
        String key = ApiKeyFormat.generate(new SecureRandom());
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        int tried = 0;
        for (int i = ApiKeyFormat.PREFIX.length(); i < key.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != key.charAt(i)) {
                    String typo = key.substring(0, i) + c + key.substring(i + 1);
                    assertThat(ApiKeyFormat.isWellFormed(typo)).as(typo).isFalse();
                    tried++;
                }
            }
        }
        assertThat(tried).isEqualTo(36 * 61);
        String swapped = key.substring(0, 5) + key.charAt(6) + key.charAt(5) + key.substring(7);
        assertThat(swapped.equals(key) || !ApiKeyFormat.isWellFormed(swapped)).isTrue();
    }

    @Test
    void malformedTextIsRefused() {
        String key = ApiKeyFormat.generate(new SecureRandom());
        for (String bad : new String[] {"", "tdk_", key + "0", key.substring(1), "TDK_" + key.substring(4),
                key.substring(0, 20) + "-" + key.substring(21), key.replace("tdk_", "ghp_"), "tdk_" + "é".repeat(36)}) {
            assertThat(ApiKeyFormat.isWellFormed(bad)).as(bad).isFalse();
        }
    }

    @Test
    void theDigestIsSha256HexAndThePrefixShowsFourRandomCharacters() {
        assertThat(ApiKeyFormat.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String key = ApiKeyFormat.generate(new SecureRandom());
        assertThat(ApiKeyFormat.shownPrefix(key)).hasSize(8).isEqualTo(key.substring(0, 8));
    }
}
