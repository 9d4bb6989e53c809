package org.paperboy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns what the machine refused (a busy port, a read-only or full disk, a database file that cannot
 * be opened) into one line for the person at the terminal, instead of a stack trace. Anything else
 * is a bug and keeps its stack trace.
 */
final class StartupFailure {
    private StartupFailure() {}

    /** One line naming what failed and why, or empty when the failure is not the environment's. */
    static Optional<String> describe(Throwable e) {
        Throwable root = e;
        boolean environment = isEnvironment(e);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            environment |= isEnvironment(root);
        }
        if (!environment) return Optional.empty();
        String top = String.valueOf(e.getMessage());
        String cause = String.valueOf(root.getMessage());
        return Optional.of(root == e || top.contains(cause) ? top : top + ": " + cause);
    }

    private static boolean isEnvironment(Throwable t) {
        return t instanceof BindException || t instanceof IOException || t instanceof UncheckedIOException || t instanceof SQLException;
    }
}
