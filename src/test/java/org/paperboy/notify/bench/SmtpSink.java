package org.paperboy.notify.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GreenMail on loopback in its own JVM, so that the mails it keeps do not count against the
 * benchmark's heap. Writes its port to args[0] and, every half second, the number of messages
 * received and of distinct Message-IDs among them to args[1].
 */
public final class SmtpSink {
    private SmtpSink() {}

    public static void main(String[] args) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        Files.writeString(Path.of(args[1]), "0 0");
        Path tmp = Path.of(args[0] + ".tmp");
        Files.writeString(tmp, String.valueOf(smtp.getSmtp().getPort()));
        Files.move(tmp, Path.of(args[0]));
        while (true) {
            Thread.sleep(500);
            var got = smtp.getReceivedMessages();
            Set<String> ids = Arrays.stream(got).map(m -> {
                try {
                    return m.getMessageID();
                } catch (Exception e) {
                    return "?";
                }
            }).collect(Collectors.toSet());
            Files.writeString(Path.of(args[1]), got.length + " " + ids.size());
        }
    }
}
