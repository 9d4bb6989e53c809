package org.paperboy.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * Papers as JSON with the field names of Hugging Face's Daily Papers API
 * ({@code https://huggingface.co/api/daily_papers}), so that scripts written for it work here.
 * Keys Hugging Face has and Paperboy cannot fill (thumbnail, submittedBy) are present and null;
 * Paperboy adds arXiv's own fields (categories, versions, ...) under their own names.
 */
public final class PaperJson {

    /** Hugging Face's instant format, always with milliseconds. */
    private static final java.time.format.DateTimeFormatter HF_INSTANT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** With {@code submittedOnDailyBy}/{@code submittedOnDailyAt} when someone submitted it to the daily page. */
    public ObjectNode paper(Paper p, Submitter submitter) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", p.id().base());
        o.put("title", p.title());
        o.put("summary", p.abstractText());
        o.set("authors", authors(p.authors()));
        o.put("publishedAt", instant(p.submitted() != null ? p.submitted() : p.listingDate()));
        o.put("submittedOnDailyAt", submitter == null ? instant(p.listingDate()) : HF_INSTANT.format(java.time.Instant.ofEpochMilli(submitter.submittedAtMillis())));
        if (submitter == null) o.putNull("submittedOnDailyBy");
        else o.set("submittedOnDailyBy", user(submitter));
        o.put("upvotes", p.upvotes());
        o.put("numComments", p.numComments());
        o.put("githubRepo", p.githubRepo());
        o.put("projectPage", p.projectPage());
        o.put("version", p.id().version());
        o.put("primaryCategory", p.primaryCategory());
        ArrayNode cats = o.putArray("categories");
        p.categories().forEach(cats::add);
        ArrayNode links = o.putArray("codeLinks");
        for (CodeLink l : p.codeLinks()) links.addObject().put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT)).put("url", l.url());
        o.put("arxivUrl", "https://arxiv.org/abs/" + p.id().base());
        o.put("pdfUrl", "https://arxiv.org/pdf/" + p.id().base());
        return o;
    }

    public ObjectNode fullPaper(Paper p, Submitter submitter) {
        ObjectNode o = paper(p, submitter);
        o.put("comments", p.comments());
        o.put("journalRef", p.journalRef());
        o.put("doi", p.doi());
        o.put("license", p.license());
        o.put("updatedAt", instant(p.updated()));
        o.put("listingDate", p.listingDate() == null ? null : p.listingDate().toString());
        ArrayNode versions = o.putArray("versions");
        for (PaperVersion v : p.versions()) {
            versions.addObject().put("version", v.version()).put("submittedAt", instant(v.submitted())).put("size", v.size());
        }
        return o;
    }

    public ObjectNode dailyEntry(Paper p, Submitter submitter) {
        ObjectNode o = mapper.createObjectNode();
        o.set("paper", paper(p, submitter));
        o.put("publishedAt", instant(p.listingDate()));
        o.put("title", p.title());
        o.put("summary", p.abstractText());
        o.putArray("mediaUrls");
        o.putNull("thumbnail");
        o.put("numComments", p.numComments());
        if (submitter == null) o.putNull("submittedBy");
        else o.set("submittedBy", user(submitter));
        o.put("isAuthorParticipating", false);
        return o;
    }

    public ArrayNode dailyList(List<Paper> papers) {
        return dailyList(papers, java.util.Map.of());
    }

    public ArrayNode dailyList(List<Paper> papers, java.util.Map<String, Submitter> submitters) {
        ArrayNode a = mapper.createArrayNode();
        papers.forEach(p -> a.add(dailyEntry(p, submitters.get(p.id().base()))));
        return a;
    }

    /** A Paperboy account in Hugging Face's user shape (name, fullname, type). */
    private ObjectNode user(Submitter s) {
        return mapper.createObjectNode().put("name", s.username()).put("fullname", s.username()).put("type", "user")
                .put("profile", "/u/" + s.username());
    }

    public byte[] bytes(Object node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode authors(List<Author> authors) {
        ArrayNode a = mapper.createArrayNode();
        for (Author au : authors) {
            ObjectNode o = a.addObject().put("name", au.name()).put("hidden", false);
            if (au.affiliation() != null) o.put("affiliation", au.affiliation());
        }
        return a;
    }

    /** Hugging Face writes instants as {@code 2025-03-14T00:00:00.000Z}; arXiv gives days only. */
    public static String instant(LocalDate d) {
        return d == null ? null : d + "T00:00:00.000Z";
    }
}
