package org.paperboy.paper;

/** A link from a paper to its code, model, dataset or project page, in normal form. */
public record CodeLink(Kind kind, String url) {
    public enum Kind { GITHUB, GITLAB, HUGGINGFACE, PROJECT_PAGE }
}
