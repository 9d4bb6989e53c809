package org.paperboy.store;

import org.paperboy.paper.Paper;

/** Combines the stored paper with an incoming record of the same paper (the rules live in ingest). */
@FunctionalInterface
public interface PaperMerger {
    Paper merge(Paper stored, Paper incoming);
}
