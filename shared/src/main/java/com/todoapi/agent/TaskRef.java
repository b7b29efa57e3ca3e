package com.todoapi.agent;

/** Which task a clause is about: a number, words of its title, or "it" (the task acted on last). */
sealed interface TaskRef {

    record ById(long id) implements TaskRef {
    }

    record ByName(String words) implements TaskRef {
    }

    record Previous() implements TaskRef {
    }
}
