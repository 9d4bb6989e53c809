package org.paperboy.paper;

import java.time.LocalDate;

/** One entry of a paper's version history; size is arXiv's text such as "1234kb", or null. */
public record PaperVersion(int version, LocalDate submitted, String size) {}
