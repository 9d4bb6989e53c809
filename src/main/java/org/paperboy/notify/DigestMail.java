package org.paperboy.notify;

import java.util.List;

/**
 * Everything the digest templates (mail/digest.jte, mail/digest-text.jte) show to one subscriber:
 * the period's top papers, one section per saved search with matches, and the links that let them
 * leave or change their settings.
 */
public record DigestMail(String subject, String heading, String baseUrl, List<DigestPaper> papers, List<TopicSection> topics,
                         String unsubscribeUrl, String settingsUrl, String email) {

    public record TopicSection(String query, List<DigestPaper> papers) {
        public TopicSection {
            papers = List.copyOf(papers);
        }
    }

    public DigestMail {
        papers = List.copyOf(papers);
        topics = List.copyOf(topics);
    }
}
