package org.paperboy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.paperboy.App;
import org.paperboy.community.Moderation;
import org.paperboy.community.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paperboy user ...}: accounts from the shell. Accounts made here count as verified. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts from the shell.",
        subcommands = {UserCommand.Create.class, UserCommand.Token.class, UserCommand.ListUsers.class,
                UserCommand.GrantAdmin.class, UserCommand.RevokeAdmin.class, UserCommand.Ban.class,
                UserCommand.Unban.class, UserCommand.ResetPassword.class, UserCommand.Delete.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs {@code action} with a fresh App (a broken community rule is one line, see PaperboyCommand). */
    static void withApp(CommandSpec spec, Consumer<App> action) {
        try (App app = new App(SettingsOptions.load(spec))) {
            action.accept(app);
        }
    }

    static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new UserError("no password on standard input");
            return line;
        } catch (IOException e) {
            throw new UserError("cannot read the password from standard input: " + e.getMessage());
        }
    }

    /** A subcommand about one account, named by its first parameter. */
    abstract static class OnAccount implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        void withApp(Consumer<App> action) {
            UserCommand.withApp(spec, action);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a verified account (the first account is admin).")
    static final class Create extends OnAccount {
        @Option(names = "--email", required = true, paramLabel = "ADDRESS")
        String email;
        @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public void run() {
            String password = readPassword();
            withApp(app -> {
                User u = app.community().accounts().createVerified(name, email, password);
                System.out.println("created " + u.username() + (u.admin() ? " (admin)" : ""));
            });
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Print a new personal API token for NAME (shown once).")
    static final class Token extends OnAccount {
        @Option(names = "--name", paramLabel = "LABEL", description = "What the token is for (default: shell).")
        String label = "shell";

        @Override
        public void run() {
            withApp(app -> System.out.println(app.community().accounts().newApiToken(app.community().accounts().require(name), label)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            withApp(spec, app -> {
                System.out.printf("%-6s %-32s %-40s %-8s %-8s %-6s %s%n", "id", "name", "e-mail", "verified", "admin", "banned", "created");
                for (User u : app.community().accounts().list()) {
                    System.out.printf("%-6d %-32s %-40s %-8s %-8s %-6s %s%n", u.id(), u.username(), u.email(), u.verified() ? "yes" : "no",
                            u.admin() ? "yes" : "no", u.banned() ? "yes" : "no", Instant.ofEpochMilli(u.createdAt()));
                }
            });
        }
    }

    @Command(name = "grant-admin", mixinStandardHelpOptions = true, description = "Make NAME an admin (logged in the moderation log).")
    static final class GrantAdmin extends OnAccount {

        @Override
        public void run() {
            withApp(app -> {
                app.community().moderation().grantAdmin(Moderation.SHELL, app.community().accounts().require(name), true);
                System.out.println(name + " is an admin");
            });
        }
    }

    @Command(name = "revoke-admin", mixinStandardHelpOptions = true, description = "Take admin rights from NAME.")
    static final class RevokeAdmin extends OnAccount {

        @Override
        public void run() {
            withApp(app -> {
                app.community().moderation().grantAdmin(Moderation.SHELL, app.community().accounts().require(name), false);
                System.out.println(name + " is no longer an admin");
            });
        }
    }

    @Command(name = "ban", mixinStandardHelpOptions = true, description = "Ban NAME: no log-in, votes, comments or submissions; sessions end at once.")
    static final class Ban extends OnAccount {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Shown in the public moderation log.")
        String reason = "";

        @Override
        public void run() {
            withApp(app -> {
                app.community().moderation().ban(Moderation.SHELL, name, true, reason);
                System.out.println(name + " is banned");
            });
        }
    }

    @Command(name = "unban", mixinStandardHelpOptions = true, description = "Lift the ban on NAME.")
    static final class Unban extends OnAccount {
        @Option(names = "--reason", paramLabel = "TEXT")
        String reason = "";

        @Override
        public void run() {
            withApp(app -> {
                app.community().moderation().ban(Moderation.SHELL, name, false, reason);
                System.out.println(name + " is no longer banned");
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete NAME's account: name, address, sessions, tokens, votes and comments; submitted papers stay, unattributed.")
    static final class Delete extends OnAccount {

        @Override
        public void run() {
            withApp(app -> {
                app.community().accounts().erase(app.community().accounts().require(name));
                System.out.println("account " + name + " deleted");
            });
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set NAME's password from standard input, or print a one-hour reset link; every session of NAME ends.")
    static final class ResetPassword extends OnAccount {
        @Option(names = "--password-stdin", description = "Read the new password from standard input instead of printing a link.")
        boolean passwordStdin;

        @Override
        public void run() {
            String password = passwordStdin ? readPassword() : null;
            withApp(app -> {
                User u = app.community().accounts().require(name);
                if (password != null) {
                    app.community().accounts().setPassword(u, password);
                    System.out.println("password of " + name + " changed");
                } else {
                    System.out.println(app.community().accounts().resetLink(u));
                }
            });
        }
    }
}
