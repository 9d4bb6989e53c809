package org.paperboy.community;

import java.time.LocalDate;

/** A paper put on a day's feed by an account ({@code submittedOnDailyBy} in the HF API). */
public record Submission(String arxivId, long userId, String username, LocalDate featuredDate, long createdAt) {}
