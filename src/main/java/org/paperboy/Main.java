package org.paperboy;

import org.paperboy.cli.PaperboyCommand;

/** Entry point of the runnable jar: hands the arguments to the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(PaperboyCommand.run(args));
    }
}
