package org.paperboy.store;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** Finds a repository's statements in {@code .sql} resources beside it (cached by JDBI). */
public final class Sql {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.create();

    private Sql() {}

    public static String of(Class<?> repository, String name) {
        return LOCATOR.locate(repository, name);
    }
}
