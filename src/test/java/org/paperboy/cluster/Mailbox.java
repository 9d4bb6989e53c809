package org.paperboy.cluster;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GreenMail's mails by recipient, read by one watcher thread so that a hundred waiting clients do not each scan them all. */
final class Mailbox implements AutoCloseable {
    private static final Pattern LINK = Pattern.compile("https?://\\S*/account/verify\\?token=([A-Za-z0-9_-]+)");
    private final GreenMail smtp;
    private final Map<String, List<String>> verifyTokens = new ConcurrentHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Thread watcher;
    private final AtomicInteger digests = new AtomicInteger();

    Mailbox(GreenMail smtp) {
        this.smtp = smtp;
        watcher = Thread.ofPlatform().daemon().name("mailbox").start(this::watch);
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String id = null;
                try {
                    id = m.getMessageID();
                    if (!seen.add(id)) continue;
                    if (m.getAllRecipients()[0].toString().startsWith(ClusterTest.SUBSCRIBER_PREFIX)) digests.incrementAndGet();
                    if (!m.getSubject().toLowerCase().contains("confirm")) continue;
                    Matcher link = LINK.matcher(m.getContent().toString());
                    if (link.find()) verifyTokens.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new CopyOnWriteArrayList<>()).add(link.group(1));
                } catch (MessagingException | IOException | RuntimeException e) {
                    if (id != null) seen.remove(id); // a message still being stored: read it on the next round
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The newest verification token mailed to {@code to}, waiting up to {@code millis}; null if none came. */
    String verifyToken(String to, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            List<String> tokens = verifyTokens.get(to);
            if (tokens != null && !tokens.isEmpty()) return tokens.get(tokens.size() - 1);
            Thread.sleep(100);
        }
        return null;
    }

    /** Digest mails seen so far (distinct Message-IDs). */
    int digests() {
        return digests.get();
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
