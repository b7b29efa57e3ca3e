package com.todoapi.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaBatcherTest {
    private static final long MS = 1_000_000L;

    @Test
    void theFirstPieceGoesAtOnce() {
        assertThat(new DeltaBatcher().add("Hel", 0)).contains("Hel");
    }

    @Test
    void piecesWithin100MsWaitAndGoTogetherOnceTheTimeHasPassed() {
        DeltaBatcher batcher = new DeltaBatcher();
        batcher.add("A", 0);
        assertThat(batcher.add("b", 30 * MS)).isEmpty();
        assertThat(batcher.add("c", 60 * MS)).isEmpty();
        assertThat(batcher.add("d", 100 * MS)).contains("bcd");
        assertThat(batcher.add("e", 150 * MS)).isEmpty();
        assertThat(batcher.drain()).contains("e");
        assertThat(batcher.drain()).isEmpty();
    }

    @Test
    void twoHundredCharactersGoBeforeTheTimeIsUp() {
        DeltaBatcher batcher = new DeltaBatcher();
        batcher.add("x", 0);
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 450; i++) {
            batcher.add("y", 1 * MS).ifPresent(sent::add); // all within the same millisecond
        }
        assertThat(sent).hasSize(2).allSatisfy(batch -> assertThat(batch).hasSize(200));
        assertThat(batcher.drain()).map(String::length).contains(50);
    }

    @Test
    void aDiscardedBatchStartsOverWithItsFirstPieceAtOnce() {
        DeltaBatcher batcher = new DeltaBatcher();
        batcher.add("old", 0);
        batcher.add(" more", 10 * MS);
        batcher.discard();
        assertThat(batcher.drain()).isEmpty();
        assertThat(batcher.add("new", 20 * MS)).contains("new");
    }

    @Test
    void emptyPiecesSendNothing() {
        DeltaBatcher batcher = new DeltaBatcher();
        assertThat(batcher.add("", 0)).isEqualTo(Optional.empty());
        assertThat(batcher.add("a", 1)).contains("a");
    }
}
