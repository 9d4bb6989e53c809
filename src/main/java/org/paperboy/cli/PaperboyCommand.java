package org.paperboy.cli;

import org.paperboy.community.CommunityException;
import org.paperboy.config.ConfigException;
import org.paperboy.index.QueryException;
import org.paperboy.notify.InvalidInput;
import org.paperboy.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "paperboy", mixinStandardHelpOptions = true, version = "Paperboy 0.1.0",
        description = "A self-hostable daily-papers service: harvest arXiv, rank, search, mail digests.",
        subcommands = {ServeCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class,
                ImportCommand.class, HarvestCommand.class, FetchCommand.class,
                SearchCommand.class, ReindexCommand.class, EmbedCommand.class, EvalCommand.class, EvalRecsCommand.class, UserCommand.class, RankCommand.class,
                DigestCommand.class, BackupCommand.class})
public final class PaperboyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int run(String... args) {
        CommandLine cmd = new CommandLine(new PaperboyCommand());
        SettingsOptions.addTo(cmd);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            // what a person typed or asked for is wrong: one line, no stack trace
            if (e instanceof ConfigException || e instanceof StoreException || e instanceof UserError
                    || e instanceof CommunityException || e instanceof QueryException
                    || e instanceof InvalidInput) {
                line.getErr().println("paperboy: " + e.getMessage());
                return 2;
            }
            // a busy port, a read-only or full disk: one line naming the path or port and the cause
            var environment = StartupFailure.describe(e);
            if (environment.isPresent()) {
                line.getErr().println("paperboy: " + environment.get());
                return 2;
            }
            throw e;
        });
        return cmd.execute(args);
    }
}
