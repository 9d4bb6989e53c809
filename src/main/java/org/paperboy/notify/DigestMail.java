package org.paperboy.notify;

import java.util.List;

/**
 * Everything the digest templates (mail/digest.jte, mail/digest-text.jte) show to one subscriber:
 * the papers picked for them when they have an account ("For you", empty otherwise), the period's
 * top papers, one section per saved search with matches, and the links that let them leave or
 * change their settings.
 */
public record DigestMail(String subject, String heading, String baseUrl, List<ForYouPaper> forYou, List<DigestPaper> papers,
                         List<TopicSection> topics, String unsubscribeUrl, String settingsUrl, String email) {

    /** A paper of the For-you section and why it is there. */
    public record ForYouPaper(DigestPaper paper, String reason) {}

    public record TopicSection(String query, List<DigestPaper> papers) {
        public TopicSection {
            papers = List.copyOf(papers);
        }
    }

    public DigestMail {
        forYou = List.copyOf(forYou);
        papers = List.copyOf(papers);
        topics = List.copyOf(topics);
    }
}
