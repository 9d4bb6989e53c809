package org.paperboy.cli;

import org.paperboy.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paperboy rank recompute}: the trending job, once, from the shell. */
@Command(name = "rank", mixinStandardHelpOptions = true, description = "Ranking maintenance.",
        subcommands = {RankCommand.Recompute.class})
final class RankCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "recompute", mixinStandardHelpOptions = true, description = "Recompute every cached trending score now.")
    static final class Recompute implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (App app = new App(SettingsOptions.load(spec)); ProgressBar bar = new ProgressBar("trending", 0)) {
                int n = app.community().trending().recompute();
                bar.step(n);
                System.out.println("scored " + n + " papers");
            }
        }
    }
}
