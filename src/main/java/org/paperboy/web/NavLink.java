package org.paperboy.web;

/** A link in page navigation; {@code current} marks the page being shown (aria-current). */
public record NavLink(String label, String href, boolean current) {
    public static NavLink to(String label, String href) {
        return new NavLink(label, href, false);
    }
}
