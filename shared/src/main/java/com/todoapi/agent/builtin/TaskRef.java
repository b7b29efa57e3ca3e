package com.todoapi.agent.builtin;

import java.util.List;

/**
 * Which task a clause is about: a number, a place in the list ("the second one", "the last
 * task"), words of its title, "it" (the task acted on last), or several of these ("1, 2 and 4").
 */
sealed interface TaskRef {

    record ById(long id) implements TaskRef {
    }

    /** 1 is the first (oldest) task of the list, -1 the last (newest). */
    record ByPosition(int position) implements TaskRef {
    }

    record ByName(String words) implements TaskRef {
    }

    record Previous() implements TaskRef {
    }

    record Several(List<TaskRef> tasks) implements TaskRef {
        public Several {
            tasks = List.copyOf(tasks);
        }
    }
}
