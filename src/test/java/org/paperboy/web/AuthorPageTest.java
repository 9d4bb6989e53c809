package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;

/** {@code /authors/{name}}: exact names, newest first, counts per category and year, 404 and 400. */
class AuthorPageTest {

    @TempDir
    static Path tmp;
    static TestSite site;

    @BeforeAll
    static void start() {
        site = new TestSite(TestDatabases.Kind.SQLITE, tmp);
        site.add(by("2511.00001", "Old one", LocalDate.of(2025, 11, 3), "Ada Lovelace", "cs.LG"),
                by("2611.00001", "New one", LocalDate.of(2026, 11, 23), "Ada Lovelace", "cs.CL"),
                by("2611.00002", "Another new one", LocalDate.of(2026, 11, 20), "Ada Lovelace", "cs.CL"),
                by("2611.00003", "Not hers", LocalDate.of(2026, 11, 23), "Ada Lovelace-Byron", "cs.CL"),
                by("2611.00004", "O'Brien & co", LocalDate.of(2026, 11, 23), "Seán O'Brien", "cs.CL"));
    }

    static Paper by(String id, String title, LocalDate day, String author, String cat) {
        Paper p = TestSite.paper(id, title, day, cat);
        return new Paper(p.id(), p.title(), List.of(Author.named(author), Author.named("Someone Else")), p.abstractText(),
                p.primaryCategory(), p.categories(), null, null, null, null, p.submitted(), null, p.versions(), p.listingDate(),
                p.codeLinks(), 0, 0);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void anAuthorPageListsExactlyTheirPapersNewestFirst() {
        String html = site.body("/authors/Ada%20Lovelace");
        assertTrue(html.contains("<h1 id=\"author-heading\">Ada Lovelace</h1>"), html);
        assertTrue(html.contains("3 papers in this catalog"));
        assertFalse(html.contains("Not hers"), "a longer name is someone else");
        assertTrue(html.indexOf("New one") < html.indexOf("Another new one") && html.indexOf("Another new one") < html.indexOf("Old one"));
        assertTrue(html.contains("<desc id=\"chart-cat-desc\">cs.CL: 2, cs.LG: 1</desc>"), "papers per category");
        assertTrue(html.contains("<desc id=\"chart-year-desc\">2026: 2, 2025: 1</desc>"), "papers per year");
        assertTrue(html.contains(">AL</span>"), "initials avatar");
        assertTrue(html.contains("href=\"/account/digest?follow=author%3A%22Ada+Lovelace%22\""), "Follow makes a topic alert");
    }

    @Test
    void namesWithApostrophesAndAccentsWork() {
        String html = site.body("/authors/Se%C3%A1n%20O'Brien");
        assertTrue(html.contains("O&#39;Brien &amp; co") || html.contains("O'Brien &amp; co"), html);
        assertTrue(html.contains(">SO</span>"));
    }

    @Test
    void cardsAndPaperPagesLinkToAuthors() {
        assertTrue(site.body("/papers?date=2026-11-23").contains("href=\"/authors/Ada%20Lovelace\""));
        assertTrue(site.body("/papers/2611.00001").contains("href=\"/authors/Ada%20Lovelace\""));
    }

    @Test
    void unknownAuthorsAre404AndOverlongNames400() {
        assertEquals(404, site.get("/authors/Nobody%20Here").statusCode());
        assertEquals(400, site.get("/authors/" + "x".repeat(201)).statusCode());
    }

    @Test
    void initials() {
        assertEquals("AL", AuthorPage.initials("Ada Lovelace"));
        assertEquals("JT", AuthorPage.initials("J. R. R. Tolkien"));
        assertEquals("P", AuthorPage.initials("Plato"));
        assertEquals("?", AuthorPage.initials("123"));
    }
}
