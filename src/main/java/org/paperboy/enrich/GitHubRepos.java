package org.paperboy.enrich;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The "owner/name" a GitHub link points to, in lower case (GitHub's names ignore case). */
public final class GitHubRepos {
    /** GitHub's own rules: owners are letters, digits and hyphens; names add dots and underscores. */
    private static final Pattern REPO = Pattern.compile("^https?://(?:www\\.)?github\\.com/([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100})(?:[/?#].*)?$");

    private GitHubRepos() {}

    /** Empty for anything that is not a repository on github.com (a user page, a gist, another host). */
    public static Optional<String> of(String url) {
        if (url == null) return Optional.empty();
        var m = REPO.matcher(url.strip());
        if (!m.matches()) return Optional.empty();
        String name = m.group(2).replaceFirst("\\.git$", "");
        if (name.isEmpty() || name.equals(".") || name.equals("..")) return Optional.empty();
        return Optional.of((m.group(1) + "/" + name).toLowerCase(Locale.ROOT));
    }
}
