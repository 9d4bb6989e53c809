package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account commands end to end, through the real command line and a SQLite database. */
class UserCommandTest {
    @TempDir
    Path tmp;

    private Cli.Run run(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = tmp.toString();
        return Cli.run(stdin, all);
    }

    @Test
    void createListTokenAdminBanResetAndRecompute() {
        Cli.Run r = run("a long enough password\n", "user", "create", "alice", "--email", "alice@example.org", "--password-stdin");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("created alice (admin)"), r.out());
        assertEquals(0, run("another long password\n", "user", "create", "bob", "--email", "bob@example.org", "--password-stdin").code());
        r = run("", "user", "create", "carol", "--email", "carol@example.org", "--password-stdin");
        assertEquals(2, r.code(), "no password on stdin");
        assertTrue(r.err().contains("no password on standard input"), r.err());
        r = run("short\n", "user", "create", "carol", "--email", "carol@example.org", "--password-stdin");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at least 10 characters"), r.err());

        r = run("", "user", "list");
        assertTrue(r.out().matches("(?s).*alice\\s+alice@example.org\\s+yes\\s+yes\\s+no.*"), r.out());
        assertTrue(r.out().matches("(?s).*bob\\s+bob@example.org\\s+yes\\s+no\\s+no.*"), "shell accounts are verified: " + r.out());
        assertTrue(run("", "user", "token", "bob").out().strip().matches("pb_[A-Za-z0-9_-]{43}"));
        assertEquals(2, run("", "user", "token", "nobody").code());

        assertEquals(2, run("", "user", "ban", "alice").code(), "admins are not banned");
        assertEquals(0, run("", "user", "grant-admin", "bob").code());
        assertEquals(0, run("", "user", "revoke-admin", "bob").code());
        assertEquals(0, run("", "user", "ban", "bob", "--reason", "spam").code());
        assertTrue(run("", "user", "list").out().matches("(?s).*bob\\s+bob@example.org\\s+yes\\s+no\\s+yes.*"));
        assertEquals(0, run("", "user", "unban", "bob").code());
        assertTrue(run("", "user", "reset-password", "bob").out().contains("/account/reset/confirm?token="));
        assertEquals(0, run("a new long password\n", "user", "reset-password", "bob", "--password-stdin").code());
        assertEquals(2, run("", "user", "delete", "alice").code(), "the only admin stays");
        assertEquals(0, run("", "user", "delete", "bob").code());
        assertTrue(run("", "user", "list").out().contains("~deleted-"), "the row stays, without name or address");
        assertEquals(2, run("", "user", "token", "bob").code());
        r = run("", "rank", "recompute");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("scored 0 papers"), r.out());
    }
}
