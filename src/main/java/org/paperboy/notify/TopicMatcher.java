package org.paperboy.notify;

import java.time.LocalDate;
import java.util.List;
import org.paperboy.paper.Paper;

/**
 * Finds the papers listed in {@code from..to} that a saved search matches, best first, at most
 * {@code limit}. {@link SqlTopicMatcher} works on the catalog alone; the search index can take
 * its place once it is wired in, with the same saved-search syntax.
 */
public interface TopicMatcher {
    List<Paper> matching(String savedSearch, LocalDate from, LocalDate to, int limit);
}
