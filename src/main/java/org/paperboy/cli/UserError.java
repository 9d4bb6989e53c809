package org.paperboy.cli;

/** A problem the user can fix (bad argument, missing file); printed as one line, no stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
