package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The community's HTTP rules, against a real server and database. Rate limits are tested in RateLimitHttpTest. */
class CommunityHttpTest {
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

    @Test
    void signUpVerifyLogInVoteCommentLogOut() throws Exception {
        var ada = server.client();
        var r = ada.post("/signup", Map.of("username", "ada", "email", "ada@example.org", "password", "correct horse ada"));
        assertEquals(200, r.statusCode(), r.body());
        ada.logIn("ada");
        // not yet verified: may not vote
        assertEquals(403, ada.post("/papers/2611.00001/upvote", Map.of("vote", "up")).statusCode());
        String link = server.lastLink("ada@example.org", "/account/verify?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertEquals(200, ada.get("/account/verify?token=" + token).statusCode());
        assertEquals(200, ada.post("/account/verify", Map.of("token", token)).statusCode());
        assertEquals(400, ada.post("/account/verify", Map.of("token", token)).statusCode(), "a link works once");
        assertTrue(server.app.community().accounts().byUsername("ada").orElseThrow().admin(), "the first account is admin");

        r = ada.post("/papers/2611.00001/upvote", Map.of("vote", "up"), "Referer", server.url("/trending"));
        assertEquals(303, r.statusCode());
        assertEquals("/trending", r.headers().firstValue("Location").orElseThrow());
        assertEquals(1, server.app.papers().find("2611.00001").orElseThrow().upvotes());

        r = ada.post("/papers/2611.00001/comments", Map.of("body", "Nice **result**"));
        assertEquals(303, r.statusCode());
        String page = ada.get("/discussion/2611.00001").body();
        assertTrue(page.contains("<strong>result</strong>"), page);
        assertTrue(page.contains("aria-pressed=\"true\""), "the button shows the vote");
        assertTrue(page.contains("data-account><a href=\"/u/ada\">ada</a>"), "the header names the account");
        assertTrue(page.contains("id=\"logout\""), "and offers to log out");
        assertEquals(1, server.app.papers().find("2611.00001").orElseThrow().numComments());

        assertEquals(303, ada.post("/logout", Map.of()).statusCode());
        assertEquals(303, ada.get("/account").statusCode(), "logged out: the account page sends to log-in");
        assertFalse(ada.get("/discussion/2611.00001").body().contains("id=\"logout\""));
    }

    @Test
    void stateChangingRequestsWithoutTheRightCsrfTokenAre403() throws Exception {
        var ada = server.client().signUpVerified("ada");
        String token = ada.csrf();
        assertEquals(403, ada.postRaw("/papers/2611.00001/upvote", Map.of("vote", "up")).statusCode(), "missing");
        assertEquals(403, ada.postRaw("/papers/2611.00001/upvote", Map.of("vote", "up", "_csrf", (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1))).statusCode(), "wrong");
        assertEquals(403, ada.postRaw("/papers/2611.00001/comments", Map.of("body", "hi")).statusCode());
        assertEquals(403, ada.postRaw("/logout", Map.of()).statusCode());
        assertEquals(403, server.client().postRaw("/login", Map.of("username", "ada", "password", "correct horse ada")).statusCode());
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().numComments());
    }

    @Test
    void aSecondUpvoteIsStillOneVoteAndHtmxGetsTheButtonBack() throws Exception {
        var ada = server.client().signUpVerified("ada");
        ada.post("/papers/2611.00001/upvote", Map.of("vote", "up"));
        ada.post("/papers/2611.00001/upvote", Map.of("vote", "up"));
        assertEquals(1, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        var r = ada.post("/papers/2611.00001/upvote", Map.of("vote", "down"), "HX-Request", "true");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("<form class=\"upvote\""), r.body());
        assertTrue(r.body().contains("<span class=\"count\">0</span>"), r.body());
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        assertEquals(404, ada.post("/papers/2611.99999/upvote", Map.of("vote", "up")).statusCode());
        assertEquals(400, ada.post("/papers/not-an-id/upvote", Map.of("vote", "up")).statusCode());
        var anon = server.client();
        r = anon.post("/papers/2611.00001/upvote", Map.of("vote", "up"));
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith("/login?next="));
    }

    @Test
    void apiTokensVoteWithBearerAndAreRefusedOtherwise() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var r = ada.post("/account/tokens", Map.of("name", "script", "password", "correct horse ada"));
        var m = Pattern.compile("id=\"new-token\">(pb_[A-Za-z0-9_-]+)<").matcher(r.body());
        assertTrue(m.find(), r.body());
        String token = m.group(1);
        var api = server.client();
        r = api.postRaw("/api/papers/2611.00002/upvote", Map.of(), "Authorization", "Bearer " + token);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"id\":\"2611.00002\",\"upvotes\":1,\"upvoted\":true}", normalizeJson(r.body()));
        r = api.postRaw("/api/papers/2611.00002/upvote", Map.of(), "Authorization", "Bearer " + token);
        assertTrue(r.body().contains("\"upvotes\":1"), "still one vote");
        var del = api.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/papers/2611.00002/upvote")))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, del.statusCode());
        assertTrue(del.body().contains("\"upvotes\":0"), del.body());
        r = api.postRaw("/api/papers/2611.00002/upvote", Map.of(), "Authorization", "Bearer pb_wrong");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("\"error\""), r.body());
        assertEquals(401, api.postRaw("/api/papers/2611.00002/upvote", Map.of()).statusCode(), "no token");
        assertEquals(404, api.postRaw("/api/papers/2611.99999/upvote", Map.of(), "Authorization", "Bearer " + token).statusCode());
        String account = ada.get("/account").body();
        var revoke = Pattern.compile("action=\"(/account/tokens/\\d+/revoke)\"").matcher(account);
        assertTrue(revoke.find(), account);
        assertFalse(account.contains(token), "the secret is never shown again");
        assertEquals(404, server.client().signUpVerified("bob").post(revoke.group(1), Map.of()).statusCode(), "only the owner revokes");
        var posted = api.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/papers/2611.00002/comments")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"From a *script*\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        var bad = api.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/papers/2611.00002/comments")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode(), bad.body());
        String thread = server.client().get("/api/papers/2611.00002/comments").body();
        assertTrue(thread.contains("\"author\":\"ada\"") && thread.contains("From a <em>script</em>"), thread);
        assertEquals(200, ada.post(revoke.group(1), Map.of()).statusCode());
        assertEquals(401, api.postRaw("/api/papers/2611.00002/upvote", Map.of(), "Authorization", "Bearer " + token).statusCode(), "revoked");
    }

    private static String normalizeJson(String s) {
        // key order of a small map is not fixed; compare the three fields in a fixed order
        var id = s.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        var up = s.replaceAll(".*\"upvotes\":(\\d+).*", "$1");
        var voted = s.replaceAll(".*\"upvoted\":(true|false).*", "$1");
        return "{\"id\":\"" + id + "\",\"upvotes\":" + up + ",\"upvoted\":" + voted + "}";
    }

    @Test
    void commentsWithScriptsJavascriptLinksAndHtmlAreRenderedInert() throws Exception {
        var ada = server.client().signUpVerified("ada");
        String evil = "<script>alert('x')</script>\n\n[click](javascript:alert(1)) [tab](java\tscript:alert(2))"
                + " [ok](https://example.org/a) <img src=x onerror=alert(3)> ![pic](https://tracker.example/p.png)"
                + " <a href=\"javascript:alert(4)\">raw</a> [data](data:text/html;base64,PHNjcmlwdD4=)";
        assertEquals(303, ada.post("/papers/2611.00001/comments", Map.of("body", evil)).statusCode());
        String page = ada.get("/discussion/2611.00001").body();
        String thread = page.substring(page.indexOf("<ol class=\"comments\">"));
        assertFalse(thread.contains("<script"), thread);
        assertFalse(thread.contains("<img"), thread);
        assertFalse(thread.toLowerCase().contains("href=\"javascript:"), thread);
        assertFalse(thread.contains("href=\"data:"), thread);
        assertFalse(thread.contains("<a href=\"javascript"), thread);
        assertTrue(thread.contains("&lt;script&gt;"), "raw HTML is shown as text");
        assertTrue(thread.contains("<a rel=\"nofollow ugc\" href=\"https://example.org/a\">ok</a>"), thread);
        assertTrue(thread.contains("<a rel=\"nofollow ugc\" href=\"https://tracker.example/p.png\">pic</a>"), "images become links");
        String body = thread.substring(thread.indexOf("<div class=\"comment-body\">"), thread.indexOf("<div class=\"comment-actions\">"));
        assertEquals(body.split("<a ", -1).length, body.split("<a rel=\"nofollow ugc\" ", -1).length, "every link is nofollow ugc");
    }

    @Test
    void aBannedUsersSessionAndTokensStopAtOnce() throws Exception {
        var admin = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        var t = Pattern.compile("id=\"new-token\">(pb_[A-Za-z0-9_-]+)<").matcher(bob.post("/account/tokens", Map.of("name", "script", "password", "correct horse bob")).body());
        assertTrue(t.find());
        String bobsToken = t.group(1);
        bob.post("/papers/2611.00002/upvote", Map.of("vote", "up"));
        bob.post("/papers/2611.00002/comments", Map.of("body", "spam spam"));
        assertEquals(1, server.app.papers().find("2611.00002").orElseThrow().upvotes());
        assertEquals(200, bob.get("/account").statusCode());
        var r = admin.post("/moderation/users", Map.of("username", "bob", "action", "ban", "reason", "spam"));
        assertEquals(303, r.statusCode());
        assertEquals(303, bob.get("/account").statusCode(), "the session no longer logs bob in");
        assertEquals(401, server.client().postRaw("/api/papers/2611.00001/upvote", Map.of(), "Authorization", "Bearer " + bobsToken).statusCode(),
                "nor does his API token");
        assertEquals(303, bob.post("/papers/2611.00001/upvote", Map.of("vote", "up")).statusCode(), "sent to log-in, no vote");
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        assertEquals(0, server.app.papers().find("2611.00002").orElseThrow().upvotes(), "a banned user's vote stops counting");
        assertEquals(0, server.app.papers().find("2611.00002").orElseThrow().numComments(), "and their comment");
        assertFalse(server.client().get("/papers/2611.00002").body().contains("spam spam"));
        r = bob.post("/login", Map.of("username", "bob", "password", "correct horse bob"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("banned"));
        String log = server.client().get("/moderation").body();
        assertTrue(log.contains("ban user") && log.contains("spam"), log);
        admin.post("/moderation/users", Map.of("username", "bob", "action", "unban"));
        assertEquals(1, server.app.papers().find("2611.00002").orElseThrow().upvotes(), "unbanning restores the vote");
        assertEquals(1, server.app.papers().find("2611.00002").orElseThrow().numComments());
        admin.post("/moderation/users", Map.of("username", "bob", "action", "ban"));
        // only admins moderate
        var carol = server.client().signUpVerified("carol");
        assertEquals(403, carol.post("/moderation/users", Map.of("username", "ada", "action", "ban")).statusCode());
        assertEquals(403, carol.post("/moderation/papers", Map.of("id", "2611.00001", "action", "hide")).statusCode());
    }

    @Test
    void anAccountIsDeletedWithItsPasswordAndTheOnlyAdminCannotLeave() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        bob.post("/papers/2611.00002/upvote", Map.of("vote", "up"));
        bob.post("/papers/2611.00002/comments", Map.of("body", "bob was here"));
        assertTrue(bob.get("/account").body().contains("action=\"/account/delete\""));

        var r = bob.post("/account/delete", Map.of("password", "not my password"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("The password is wrong"), r.body());
        r = bob.post("/account/delete", Map.of("password", "correct horse bob"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Account deleted"));
        assertEquals(303, bob.get("/account").statusCode(), "logged out");
        assertEquals(401, server.client().post("/login", Map.of("username", "bob", "password", "correct horse bob")).statusCode());
        assertEquals(0, server.app.papers().find("2611.00002").orElseThrow().upvotes());
        assertEquals(0, server.app.papers().find("2611.00002").orElseThrow().numComments());
        assertFalse(server.client().get("/papers/2611.00002").body().contains("bob was here"));

        r = ada.post("/account/delete", Map.of("password", "correct horse ada"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("only admin"), r.body());
        assertEquals(200, ada.get("/account").statusCode(), "still there, still logged in");
    }

    @Test
    void anAddressChangesOnlyThroughALinkMailedToTheNewAddress() throws Exception {
        var ada = server.client().signUpVerified("ada");
        server.client().signUpVerified("bob");
        var r = ada.post("/account/email", Map.of("email", "ada@new.example.org", "password", "wrong password!"));
        assertEquals(403, r.statusCode());
        r = ada.post("/account/email", Map.of("email", "ada@new.example.org", "password", "correct horse ada"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("We sent a link to ada@new.example.org"), r.body());
        assertEquals("ada@example.org", email("ada"), "nothing changes before the link is opened");

        String link = server.lastLink("ada@new.example.org", "/account/email/confirm?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertEquals(200, server.client().get("/account/email/confirm?token=" + token).statusCode());
        assertEquals("ada@example.org", email("ada"), "opening the link shows a button; only its POST changes anything");
        r = server.client().post("/account/email/confirm", Map.of("token", token));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ada@new.example.org", email("ada"));
        assertEquals(400, server.client().post("/account/email/confirm", Map.of("token", token)).statusCode(), "a link works once");
        assertTrue(server.lastLink("ada@example.org", "/account/reset").contains("/account/reset"), "the old address is told");
        assertEquals(303, server.client().post("/login", Map.of("username", "ada@new.example.org", "password", "correct horse ada")).statusCode());

        var taken = ada.post("/account/email", Map.of("email", "bob@example.org", "password", "correct horse ada"));
        assertEquals(200, taken.statusCode());
        assertTrue(taken.body().contains("We sent a link to bob@example.org"), "a taken address gets the same answer");
        assertEquals("ada@new.example.org", email("ada"));
        assertEquals("bob@example.org", email("bob"));
        assertTrue(server.lastLink("bob@example.org", "/account/reset").contains("/account/reset"), "and the address's owner a reminder");
    }

    private String email(String username) {
        return server.app.community().accounts().byUsername(username).orElseThrow().email();
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() throws Exception {
        var laptop = server.client().signUpVerified("ada");
        var phone = server.client().logIn("ada");
        assertEquals(200, phone.get("/account").statusCode());
        var r = laptop.post("/account/password", Map.of("current", "correct horse ada", "next", "a brand new password"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(200, laptop.get("/account").statusCode(), "the session that changed it goes on");
        assertEquals(303, phone.get("/account").statusCode(), "every other session ended");
        assertEquals(303, server.client().post("/login", Map.of("username", "ada", "password", "a brand new password")).statusCode());
    }

    @Test
    void failedLogInsDoNotRevealWhetherTheAccountExists() throws Exception {
        server.client().signUpVerified("ada");
        var c = server.client();
        var unknown = c.post("/login", Map.of("username", "nobody", "password", "whatever password"));
        var wrong = c.post("/login", Map.of("username", "ada", "password", "whatever password"));
        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrong.statusCode());
        assertTrue(unknown.body().contains(Accounts.BAD_LOGIN) && wrong.body().contains(Accounts.BAD_LOGIN));
        var reset1 = c.post("/account/reset", Map.of("email", "nobody@example.org"));
        var reset2 = c.post("/account/reset", Map.of("email", "ada@example.org"));
        assertEquals(reset1.statusCode(), reset2.statusCode());
        assertTrue(reset1.body().contains("If an account has that address"));
    }

    @Test
    void passwordResetByMailWorksOnceAndEndsSessions() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var other = server.client();
        other.post("/account/reset", Map.of("email", "ada@example.org"));
        String link = server.lastLink("ada@example.org", "/account/reset/confirm?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertEquals(200, other.get("/account/reset/confirm?token=" + token).statusCode());
        assertEquals(400, other.post("/account/reset/confirm", Map.of("token", token, "password", "short")).statusCode());
        assertEquals(200, other.post("/account/reset/confirm", Map.of("token", token, "password", "a brand new password")).statusCode());
        assertEquals(400, other.post("/account/reset/confirm", Map.of("token", token, "password", "another new password")).statusCode());
        assertEquals(303, ada.get("/account").statusCode(), "the old session ended");
        assertEquals(303, other.post("/login", Map.of("username", "ada", "password", "a brand new password")).statusCode());
    }

    @Test
    void commentsCanBeEditedOnlyWithinTheWindowAndDeleted() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        bob.post("/papers/2611.00001/comments", Map.of("body", "first take"));
        long id = server.app.community().commentRepository().forPaper("2611.00001").get(0).id();
        assertEquals(403, ada.post("/comments/" + id + "/edit", Map.of("body", "not yours")).statusCode());
        assertEquals(303, bob.post("/comments/" + id + "/edit", Map.of("body", "second take")).statusCode());
        assertEquals(400, bob.post("/comments/" + id + "/edit", Map.of("body", "  ")).statusCode());
        server.clock.advance(Duration.ofMinutes(16));
        assertEquals(403, bob.post("/comments/" + id + "/edit", Map.of("body", "too late")).statusCode());
        assertEquals("second take", server.app.community().commentRepository().find(id).orElseThrow().body());
        var r = bob.post("/papers/2611.00001/comments", Map.of("body", "reply", "parent", String.valueOf(id)));
        assertEquals(303, r.statusCode());
        assertEquals(303, bob.post("/comments/" + id + "/delete", Map.of()).statusCode());
        assertEquals(1, server.app.papers().find("2611.00001").orElseThrow().numComments(), "the reply remains");
        String page = bob.get("/discussion/2611.00001").body();
        assertTrue(page.contains("[deleted]") && !page.contains("second take"), page);
        server.clock.advance(Duration.ofMinutes(-16));
        var form = bob.get("/comments/" + id + "/edit");
        assertEquals(403, form.statusCode(), "a deleted comment's edit form is closed, even inside the window");
        assertFalse(form.body().contains("second take"));
        assertEquals(303, ada.post("/comments/" + id + "/flag", Map.of("reason", "spam")).statusCode());
    }

    @Test
    void adminsHidePapersAndCommentsAndEveryActionIsLogged() throws Exception {
        var admin = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        bob.post("/papers/2611.00002/comments", Map.of("body", "buy cheap pills"));
        long id = server.app.community().commentRepository().forPaper("2611.00002").get(0).id();
        assertEquals(303, admin.post("/moderation/comments/" + id + "/hide", Map.of("reason", "spam")).statusCode());
        assertFalse(bob.get("/discussion/2611.00002").body().contains("cheap pills"));
        assertEquals(0, server.app.papers().find("2611.00002").orElseThrow().numComments());
        assertEquals(303, admin.post("/moderation/papers", Map.of("id", "2611.00002", "action", "hide", "reason", "off-topic")).statusCode());
        assertEquals(404, bob.get("/discussion/2611.00002").statusCode());
        assertEquals(404, bob.post("/papers/2611.00002/upvote", Map.of("vote", "up")).statusCode());
        assertEquals(303, admin.post("/moderation/papers", Map.of("id", "2611.00002", "action", "restore")).statusCode());
        assertEquals(200, bob.get("/discussion/2611.00002").statusCode());
        String log = server.client().get("/moderation").body();
        assertTrue(log.contains("hide comment") && log.contains("hide paper") && log.contains("restore paper"), log);
    }

    @Test
    void profilesShowUpvotesOnlyToTheirOwner() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        ada.post("/papers/2611.00003/upvote", Map.of("vote", "up"));
        ada.post("/submit", Map.of("paper", "https://arxiv.org/abs/2611.00002v1"));
        assertTrue(ada.get("/u/ada").body().contains("Upvoted papers"));
        assertTrue(ada.get("/u/ada").body().contains("Paper 2611.00003"));
        String seenByBob = bob.get("/u/ada").body();
        assertFalse(seenByBob.contains("Upvoted papers"));
        assertTrue(seenByBob.contains("Paper 2611.00002"), "submissions are public");
        assertEquals(404, bob.get("/u/nobody").statusCode());
        assertEquals(200, ada.post("/account/privacy", Map.of("public", "on")).statusCode());
        assertTrue(bob.get("/u/ada").body().contains("Paper 2611.00003"), "shown once ada makes them public");
        ada.post("/account/privacy", Map.of());
        assertFalse(bob.get("/u/ada").body().contains("Upvoted papers"), "private again");
    }

    @Test
    void submittingFeaturesAKnownPaperAndExplainsWhenArxivIsUnreachable() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        var r = ada.post("/submit", Map.of("paper", "2611.00001"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("is on today"), r.body());
        r = bob.post("/submit", Map.of("paper", "arXiv:2611.00001"));
        assertTrue(r.body().contains("already submitted by ada"), r.body());
        r = ada.post("/submit", Map.of("paper", "not a paper"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("is not an arXiv id or URL"));
        r = ada.post("/submit", Map.of("paper", "2611.54321"));
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("arXiv cannot be reached"), r.body());
        assertTrue(r.body().contains("value=\"2611.54321\""), "the input is kept");
    }

    @Test
    void theDailyPageShowsSubmittedPapersFirstWithButtonsSubmittersAndTheHfApiFields() throws Exception {
        server.app.papers().upsert(List.of(Fixtures.paper("2611.00009", "An older paper", LocalDate.of(2026, 11, 20))),
                LocalDate.of(2026, 11, 20), (old, incoming) -> incoming);
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        ada.post("/papers/2611.00003/upvote", Map.of("vote", "up"));
        assertEquals(200, ada.post("/submit", Map.of("paper", "2611.00009")).statusCode());
        ada.post("/papers/2611.00003/comments", Map.of("body", "Worth reading."));

        String anon = server.client().get("/papers?date=2026-11-26").body();
        int older = anon.indexOf("An older paper");
        int voted = anon.indexOf("Paper 2611.00003");
        int other = anon.indexOf("Paper 2611.00001");
        assertTrue(older > 0 && older < voted && voted < other, "submitted first, then by votes: " + older + " " + voted + " " + other);
        assertTrue(anon.contains("submitted by <a href=\"/u/ada\">ada</a>"), anon);
        assertTrue(anon.contains("href=\"/login?next=/papers/2611.00003\""), "visitors get a log-in link instead of a form");
        assertFalse(anon.contains("htmx.min.js"), "htmx only for signed-in visitors");

        String mine = ada.get("/papers?date=2026-11-26").body();
        assertTrue(mine.contains("<form class=\"upvote voted\" method=\"post\" action=\"/papers/2611.00003/upvote\""), mine);
        assertTrue(mine.contains("<form class=\"upvote\" method=\"post\" action=\"/papers/2611.00001/upvote\""));
        assertTrue(mine.contains("/static/htmx.min.js"));
        assertTrue(mine.contains("name=\"_csrf\" value=\"" + ada.csrf() + "\""), "the visitor's own CSRF token");
        assertFalse(bob.get("/papers?date=2026-11-26").body().contains("class=\"upvote voted\""), "bob did not vote");

        String api = server.client().get("/api/daily_papers?date=2026-11-26").body();
        assertTrue(api.startsWith("[{\"paper\":{\"id\":\"2611.00009\""), api);
        assertTrue(api.matches("(?s).*\"submittedOnDailyBy\":\\{[^}]*\"user\":\"ada\".*"), api);
        assertTrue(api.contains("\"submittedOnDailyAt\":\"2026-11-26T12:00:00.000Z\""), api);
        assertTrue(api.matches("(?s).*\"id\":\"2611.00003\".*?\"upvotes\":1,\"numComments\":1.*"), api);
        assertTrue(server.client().get("/api/papers/2611.00009").body().matches("(?s).*\"submittedOnDailyBy\":\\{[^}]*\"user\":\"ada\".*"));

        String paper = ada.get("/papers/2611.00003").body();
        assertTrue(paper.contains("<p>Worth reading.</p>") && paper.contains("id=\"comments\""), "comments on the paper page");
        assertTrue(paper.contains("<form class=\"upvote voted\""), "the upvote button on the paper page");

        assertEquals(303, ada.post("/moderation/papers", Map.of("id", "2611.00001", "action", "hide", "reason", "duplicate")).statusCode());
        assertFalse(server.client().get("/papers?date=2026-11-26").body().contains("Paper 2611.00001"), "hidden from the feed");
        assertFalse(server.client().get("/api/daily_papers?date=2026-11-26").body().contains("2611.00001"));
        assertEquals(404, bob.get("/papers/2611.00001").statusCode());
        assertEquals(404, bob.get("/api/papers/2611.00001").statusCode());
        assertEquals(200, ada.get("/papers/2611.00001").statusCode(), "admins still see it");
    }

    @Test
    void malformedRequestsGetA4xxWithAMessageNeverA500() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var r = ada.post("/comments/abc/edit", Map.of("body", "x"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("is not a comment number"));
        assertEquals(400, ada.get("/moderation?p=zero").statusCode());
        assertEquals(400, ada.get("/discussion/not-a-paper").statusCode());
        assertEquals(404, ada.get("/discussion/2611.99999").statusCode());
        assertEquals(404, ada.post("/comments/999/delete", Map.of()).statusCode());
        assertEquals(400, ada.post("/papers/2611.00001/comments", Map.of("body", "x", "parent", "first")).statusCode());
        assertEquals(404, ada.post("/papers/2611.00001/comments", Map.of("body", "x", "parent", "999")).statusCode());
        r = ada.post("/papers/2611.00001/comments", Map.of("body", "x".repeat(Comments.MAX_LENGTH + 1)));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("at most 10000 characters"));
        r = server.client().post("/signup", Map.of("username", "x"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("A username is 2 to 32"), r.body());
        r = server.client().post("/signup", Map.of("username", "bob", "email", "not-an-address", "password", "long enough password"));
        assertTrue(r.body().contains("not an e-mail address") && r.body().contains("value=\"bob\""), "the form keeps what was typed");
        assertEquals(409, server.client().post("/signup", Map.of("username", "ADA", "email", "x@example.org", "password", "long enough password")).statusCode());
        var taken = server.client().post("/signup", Map.of("username", "ada2", "email", "ada@example.org", "password", "long enough password"));
        var fresh = server.client().post("/signup", Map.of("username", "cleo", "email", "cleo@example.org", "password", "long enough password"));
        assertEquals(fresh.statusCode(), taken.statusCode(), "a registered address gets the answer a new one gets");
        assertEquals(fresh.body().replace("cleo@example.org", "ADDRESS"), taken.body().replace("ada@example.org", "ADDRESS"));
        assertTrue(server.app.community().accounts().byUsername("ada2").isEmpty());
        r = server.client().post("/login", Map.of("username", "ada"));
        assertEquals(401, r.statusCode());
        r = server.client().postRaw("/api/papers/bad/upvote", Map.of(), "Authorization", "Basic abc");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"Use Authorization: Bearer"), r.body());
    }

    @Test
    void trendingPageAndApiSortByTheRecomputedScore() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        ada.post("/papers/2611.00002/upvote", Map.of("vote", "up"));
        bob.post("/papers/2611.00002/upvote", Map.of("vote", "up"));
        bob.post("/papers/2611.00003/upvote", Map.of("vote", "up"));
        assertEquals(2, server.app.community().trending().recompute(), "the two papers with votes");
        String page = server.client().get("/trending").body();
        assertTrue(page.indexOf("Paper 2611.00002") < page.indexOf("Paper 2611.00003"), page);
        assertFalse(page.contains("Paper 2611.00001"), "no votes, not trending");
        String api = server.client().get("/api/daily_papers?date=2026-11-26&sort=trending").body();
        assertTrue(api.indexOf("2611.00002") < api.indexOf("2611.00003") && api.indexOf("2611.00003") < api.indexOf("2611.00001"), api);
    }
}
