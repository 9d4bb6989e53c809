package org.paperboy.web;

import java.util.List;
import org.paperboy.paper.Paper;

/** The "Similar papers" of a paper page; the search feature provides them. */
@FunctionalInterface
public interface SimilarPapers {
    SimilarPapers NONE = p -> List.of();

    List<Paper> to(Paper paper);
}
