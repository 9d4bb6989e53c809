package org.paperboy.paper;

import java.time.LocalDate;

/**
 * Who put a paper on a day's feed ("submitted by"), as listings and the Hugging Face-shaped API
 * show it: the account's name, when (epoch milliseconds) and the day it was featured on.
 */
public record Submitter(String username, long submittedAtMillis, LocalDate featuredDate) {}
