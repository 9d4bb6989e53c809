package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small things a new user noticed: one subscribe form, Follow, flags, plurals, the favicon, where forms return. */
class RoughEdgesHttpTest {
    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp, TestServer.settings("rate-limits", "off"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static int count(String html, String what) {
        return html.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void theSubscribePageHasOneFormWithTopicAlerts() throws Exception {
        String html = server.client().get("/subscribe").body();
        assertEquals(1, count(html, "action=\"/subscribe\""), "one subscribe form, not the footer's as well");
        assertTrue(html.contains("name=\"topics\""), "topic alerts can be set when subscribing");
        assertEquals(1, count(server.client().get("/").body(), "action=\"/subscribe\""), "other pages keep the footer form");
    }

    @Test
    void followFromAnAuthorPageFillsInATopicAlert() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var r = ada.get("/account/digest?follow=" + URLEncoder.encode("author:\"Ada Lovelace\"", "UTF-8"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains(">author:\"Ada Lovelace\"</textarea>"), r.body());
        assertTrue(r.body().contains("Subscribe to follow"));
    }

    @Test
    void noFlagOnYourOwnCommentAndCommentsReturnToThePaperPage() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        var posted = ada.post("/papers/2611.00001/comments", Map.of("body", "My own remark."));
        assertEquals(303, posted.statusCode());
        assertTrue(posted.headers().firstValue("Location").orElseThrow().matches("/papers/2611\\.00001#c\\d+"),
                posted.headers().firstValue("Location").orElseThrow());
        assertFalse(ada.get("/papers/2611.00001").body().contains("<summary>flag</summary>"), "no flag on your own comment");
        assertTrue(bob.get("/papers/2611.00001").body().contains("<summary>flag</summary>"), "others may flag it");
        var voted = bob.post("/papers/2611.00001/upvote", Map.of("vote", "up"));
        assertEquals("/papers/2611.00001#comments", voted.headers().firstValue("Location").orElseThrow(), "the no-JavaScript upvote");
    }

    @Test
    void oneUpvoteIsSingularAndThereIsAFavicon() throws Exception {
        var ada = server.client().signUpVerified("ada");
        ada.post("/papers/2611.00001/upvote", Map.of("vote", "up"));
        String listing = server.client().get("/").body();
        assertTrue(listing.contains("aria-label=\"1 upvote; log in to upvote\""), listing);
        assertFalse(listing.contains("  papers") || listing.contains("1 upvotes"));
        assertTrue(listing.contains("<link rel=\"icon\" href=\"/static/favicon.svg\""));
        assertEquals(200, server.client().get("/static/favicon.svg").statusCode());
    }

    @Test
    void trendingUsesTheListingCardsAndShowsTheNewestDayWhenNothingWasUpvoted() throws Exception {
        String empty = server.client().get("/trending").body();
        assertTrue(empty.contains("No paper was upvoted in the last 7 days yet"), empty);
        assertTrue(empty.contains("<article class=\"card\" id=\"paper-2611.00001\""), "the newest day's papers, as cards");
        var ada = server.client().signUpVerified("ada");
        ada.post("/papers/2611.00002/upvote", Map.of("vote", "up"));
        server.app.community().trending().recompute();
        String page = ada.get("/trending").body();
        assertFalse(page.contains("No paper was upvoted"));
        assertTrue(page.contains("<article class=\"card\" id=\"paper-2611.00002\""));
        assertTrue(page.contains("class=\"upvote voted\""), "the signed-in viewer's vote shows on the card");
    }
}
