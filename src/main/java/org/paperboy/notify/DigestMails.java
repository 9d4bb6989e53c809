package org.paperboy.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * Builds the digest a subscriber receives from a run: the papers picked for their account (For
 * you), the run's papers (with today's counts) and a section per saved search. Papers and topic
 * matches are cached per run, since thousands of subscribers share them.
 */
public final class DigestMails {
    /** Papers per topic section. */
    public static final int TOPIC_LIMIT = 10;
    private static final int CACHE_LIMIT = 10_000;

    private final PaperRepository papers;
    private final TopicMatcher matcher;
    private final Links links;
    private final PersonalPicks picks;
    private final Map<Long, List<DigestPaper>> runPapers = new ConcurrentHashMap<>();
    private final Map<String, List<DigestPaper>> topicPapers = new ConcurrentHashMap<>();

    public DigestMails(PaperRepository papers, TopicMatcher matcher, Links links) {
        this(papers, matcher, links, PersonalPicks.NONE);
    }

    public DigestMails(PaperRepository papers, TopicMatcher matcher, Links links, PersonalPicks picks) {
        this.papers = papers;
        this.matcher = matcher;
        this.links = links;
        this.picks = picks;
    }

    public DigestMail build(DigestRun run, Subscription s) {
        // bounded by dropping everything now and then; never from inside computeIfAbsent, which must not change its own map
        if (runPapers.size() > CACHE_LIMIT) runPapers.clear();
        if (topicPapers.size() > CACHE_LIMIT) topicPapers.clear();
        PersonalPicks.Personal personal = picks.forSubscriber(s.email(), run);
        List<DigestPaper> top = shown(runPapers.computeIfAbsent(run.id(), id -> load(run.paperIds())), personal.hidden());
        List<DigestMail.TopicSection> sections = new ArrayList<>();
        for (String topic : s.topics()) {
            List<DigestPaper> found = shown(topicPapers.computeIfAbsent(run.id() + "\u0000" + topic, k -> match(topic, run)), personal.hidden());
            if (!found.isEmpty()) sections.add(new DigestMail.TopicSection(topic, found));
        }
        List<DigestMail.ForYouPaper> forYou = personal.picks().stream()
                .map(p -> new DigestMail.ForYouPaper(DigestPaper.of(p.paper(), links.baseUrl()), p.reason())).toList();
        String heading = "Top papers of " + run.period().label();
        return new DigestMail("Paperboy: " + heading, heading, links.baseUrl(), forYou, top, sections,
                links.unsubscribeUrl(s.id()), links.settingsUrl(s.id()), s.email());
    }

    /** The papers without those the subscriber marked Not interested. */
    private static List<DigestPaper> shown(List<DigestPaper> papers, Set<String> hidden) {
        if (hidden.isEmpty()) return papers;
        return papers.stream().filter(p -> !hidden.contains(p.id())).toList();
    }

    /** Forgets cached papers, so counts are fresh for the next batch. */
    public void clearCache() {
        runPapers.clear();
        topicPapers.clear();
    }

    private List<DigestPaper> load(List<String> ids) {
        Map<String, Paper> found = papers.findMany(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).map(p -> DigestPaper.of(p, links.baseUrl())).toList();
    }

    private List<DigestPaper> match(String topic, DigestRun run) {
        try {
            return matcher.matching(topic, run.from(), run.to(), TOPIC_LIMIT).stream()
                    .map(p -> DigestPaper.of(p, links.baseUrl())).toList();
        } catch (InvalidInput e) {
            return List.of(); // a topic saved before a syntax change: no section rather than no digest
        }
    }
}
