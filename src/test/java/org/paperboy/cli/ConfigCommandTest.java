package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paperboy.config.Setting;
import org.paperboy.config.Settings;

/** `paperboy config` lists every setting with its current value, secrets masked. */
class ConfigCommandTest {

    @Test
    void everySettingWithItsCurrentValueAndSecretsMasked() {
        Cli.Run r = Cli.run("", "config", "--port", "9090", "--db-password", "hunter2");
        assertEquals(0, r.code(), r.err());
        for (Setting s : Settings.ALL) assertTrue(r.out().contains(s.flag() + " "), s.flag() + " missing:\n" + r.out());
        assertTrue(r.out().matches("(?s).*--port\\s+PAPERBOY_PORT\\s+9090\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*--db-password\\s+PAPERBOY_DB_PASSWORD\\s+\\*\\*\\*\\n.*"), r.out());
        assertFalse(r.out().contains("hunter2"));
    }

    @Test
    void aBadValueIsOneLineNamingTheSetting() {
        Cli.Run r = Cli.run("", "config", "--port", "http");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--port"), r.err());
    }
}
