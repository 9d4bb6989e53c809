package org.paperboy.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Papers as JSON with the field names and types of Hugging Face's Daily Papers API
 * ({@code https://huggingface.co/api/daily_papers}), so that its clients ({@code huggingface_hub}'s
 * {@code PaperInfo} and {@code User}) read the same values here. Where Hugging Face has a field
 * Paperboy cannot fill (thumbnail) it is null; arXiv's own fields (categories, versions, the
 * author comment as {@code arxivComment}, ...) come under names Hugging Face does not use, since
 * the client copies unknown keys over its own attributes.
 */
public final class PaperJson {

    /** Hugging Face's instant format, always with milliseconds. */
    private static final DateTimeFormatter HF_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ThumbnailUrls thumbnails;

    public PaperJson() {
        this(ThumbnailUrls.NONE);
    }

    public PaperJson(ThumbnailUrls thumbnails) {
        this.thumbnails = thumbnails;
    }

    /** With {@code submittedOnDailyBy}/{@code submittedOnDailyAt} when someone submitted it to the daily page. */
    public ObjectNode paper(Paper p, Submitter submitter) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", p.id().base());
        o.put("title", p.title());
        o.put("summary", p.abstractText());
        o.set("authors", authors(p));
        o.put("publishedAt", p.submitted() != null ? HF_INSTANT.format(p.submittedInstant()) : instant(p.listingDate()));
        o.put("submittedOnDailyAt", onDailyAt(p, submitter));
        if (submitter == null) o.putNull("submittedOnDailyBy");
        else o.set("submittedOnDailyBy", user(submitter));
        o.put("upvotes", p.upvotes());
        o.put("numComments", p.numComments());
        o.put("discussionId", stableId("discussion", p.id().base()));
        o.put("thumbnail", thumbnails.of(p));
        o.put("githubRepo", p.githubRepo());
        o.put("projectPage", p.projectPage());
        // 0 means "not known" (arXiv's OAI format gives no version number): say nothing rather than 0
        if (p.id().version() > 0) o.put("version", p.id().version());
        o.put("primaryCategory", p.primaryCategory());
        ArrayNode cats = o.putArray("categories");
        p.categories().forEach(cats::add);
        ArrayNode links = o.putArray("codeLinks");
        for (CodeLink l : p.codeLinks()) links.addObject().put("kind", l.kind().name().toLowerCase(Locale.ROOT)).put("url", l.url());
        o.put("arxivUrl", "https://arxiv.org/abs/" + p.id().base());
        o.put("pdfUrl", "https://arxiv.org/pdf/" + p.id().base());
        return o;
    }

    /** {@code /api/papers/{id}}: the paper object plus arXiv's metadata; the author comment is {@code arxivComment}. */
    public ObjectNode fullPaper(Paper p, Submitter submitter) {
        ObjectNode o = paper(p, submitter);
        o.put("arxivComment", p.comments());
        o.put("journalRef", p.journalRef());
        o.put("doi", p.doi());
        o.put("license", p.license());
        o.put("updatedAt", p.updated() == null ? null : HF_INSTANT.format(p.updatedInstant()));
        o.put("listingDate", p.listingDate() == null ? null : p.listingDate().toString());
        ArrayNode versions = o.putArray("versions");
        for (PaperVersion v : p.versions()) {
            versions.addObject().put("version", v.version()).put("submittedAt", instant(v.submitted())).put("size", v.size());
        }
        return o;
    }

    /**
     * One item of {@code /api/daily_papers}: the top-level {@code publishedAt} is when the paper
     * went onto the daily page (the client's {@code submitted_at}), the paper's own is its
     * publication. Top-level {@code upvotes} too: the client reads {@code paper.upvotes or upvotes},
     * which turns a paper's 0 into None when the second is missing.
     */
    public ObjectNode dailyEntry(Paper p, Submitter submitter) {
        ObjectNode o = mapper.createObjectNode();
        o.set("paper", paper(p, submitter));
        o.put("publishedAt", onDailyAt(p, submitter));
        o.put("title", p.title());
        o.put("summary", p.abstractText());
        o.putArray("mediaUrls");
        o.put("thumbnail", thumbnails.of(p));
        o.put("numComments", p.numComments());
        o.put("upvotes", p.upvotes());
        if (submitter == null) o.putNull("submittedBy");
        else o.set("submittedBy", user(submitter));
        o.put("isAuthorParticipating", false);
        return o;
    }

    public ArrayNode dailyList(List<Paper> papers) {
        return dailyList(papers, Map.of());
    }

    public ArrayNode dailyList(List<Paper> papers, Map<String, Submitter> submitters) {
        ArrayNode a = mapper.createArrayNode();
        papers.forEach(p -> a.add(dailyEntry(p, submitters.get(p.id().base()))));
        return a;
    }

    /** When the paper went onto the daily page: its submission, else its listing day. */
    private static String onDailyAt(Paper p, Submitter submitter) {
        return submitter == null ? instant(p.listingDate()) : HF_INSTANT.format(Instant.ofEpochMilli(submitter.submittedAtMillis()));
    }

    /**
     * A Paperboy account in Hugging Face's user shape: {@code user} is the client's
     * {@code User.username}. Accounts have no pictures; {@code avatarUrl} is relative, as
     * Hugging Face's generated avatars are, and served as a generated SVG.
     */
    private ObjectNode user(Submitter s) {
        return mapper.createObjectNode().put("_id", stableId("user", s.username().toLowerCase(Locale.ROOT)))
                .put("avatarUrl", avatarPath(s.username())).put("isPro", false).put("fullname", s.username())
                .put("user", s.username()).put("type", "user");
    }

    public static String avatarPath(String username) {
        return "/avatars/" + username + ".svg";
    }

    public byte[] bytes(Object node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode authors(Paper p) {
        ArrayNode a = mapper.createArrayNode();
        int i = 0;
        for (Author au : p.authors()) {
            ObjectNode o = a.addObject().put("_id", stableId("author", p.id().base() + "#" + i++)).put("name", au.name()).put("hidden", false);
            if (au.affiliation() != null) o.put("affiliation", au.affiliation());
        }
        return a;
    }

    /**
     * A stable 24-hex-digit id in the form of Hugging Face's (MongoDB ObjectIds), made from what
     * it names, so the same paper, author or account gets the same id on every node and restart.
     */
    static String stableId(String kind, String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hugging Face writes instants as {@code 2025-03-14T00:00:00.000Z}; for a day alone, its midnight UTC. */
    public static String instant(LocalDate d) {
        return d == null ? null : d + "T00:00:00.000Z";
    }
}
