package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusFilterTest {

    @Test
    void parsesTheThreeWireNames() {
        assertThat(StatusFilter.parse("all")).isEqualTo(StatusFilter.ALL);
        assertThat(StatusFilter.parse("pending")).isEqualTo(StatusFilter.PENDING);
        assertThat(StatusFilter.parse("completed")).isEqualTo(StatusFilter.COMPLETED);
    }

    @Test
    void absentMeansAll() {
        assertThat(StatusFilter.parse(null)).isEqualTo(StatusFilter.ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "All", "done", "", " pending", "pending ", "completed,pending"})
    void anythingElseIsInvalid(String value) {
        assertThatThrownBy(() -> StatusFilter.parse(value)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("status");
        });
    }

    @Test
    void wireNameParsesBackToTheSameFilter() {
        for (StatusFilter filter : StatusFilter.values()) {
            assertThat(StatusFilter.parse(filter.wireName())).isEqualTo(filter);
        }
        assertThat(StatusFilter.PENDING.wireName()).isEqualTo("pending");
    }
}
