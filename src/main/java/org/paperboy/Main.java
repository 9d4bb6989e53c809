package org.paperboy;

import org.paperboy.cli.PaperboyCommand;
import org.paperboy.ops.JsonLogLines;

/** Entry point of the runnable jar: hands the arguments to the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        JsonLogLines.install(args, System.getenv());
        System.exit(PaperboyCommand.run(args));
    }
}
