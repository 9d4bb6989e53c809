package org.paperboy.paper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds code, model and project-page links in free text (abstracts, comments) and normalises them. */
public final class CodeLinks {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'{}|\\\\^`]+");
    // Hard line wraps in arXiv abstracts can split a URL ("https://github.com/a/\nb"); rejoin such splits.
    private static final Pattern WRAPPED = Pattern.compile("(https?://\\S*/)\\s*\\n\\s*(?=\\S)");
    private static final Pattern REPO = Pattern.compile("^/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)");
    private static final Pattern HF = Pattern.compile("^/((?:spaces|datasets)/)?([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)");
    private static final String TRAILING_PUNCTUATION = ".,;:)]}>'\"!?";
    private static final List<String> NOT_PROJECT_PAGES = List.of(
            "arxiv.org", "doi.org", "dx.doi.org", "creativecommons.org", "orcid.org", "twitter.com", "x.com");

    private CodeLinks() {}

    public static List<CodeLink> find(String... texts) {
        Map<String, CodeLink> byUrl = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null) continue;
            Matcher m = URL.matcher(WRAPPED.matcher(text).replaceAll("$1"));
            while (m.find()) {
                CodeLink link = classify(trimPunctuation(m.group()));
                if (link != null) byUrl.putIfAbsent(link.url().toLowerCase(Locale.ROOT), link);
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    static CodeLink classify(String raw) {
        String url = raw.startsWith("www.") ? "https://" + raw : raw;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) host = host.substring(4);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (host.isEmpty()) return null;
        return switch (host) {
            case "github.com" -> repo(CodeLink.Kind.GITHUB, "https://github.com", path);
            case "gitlab.com" -> repo(CodeLink.Kind.GITLAB, "https://gitlab.com", path);
            case "huggingface.co", "hf.co" -> huggingFace(path);
            default -> projectPage(host, uri);
        };
    }

    private static CodeLink repo(CodeLink.Kind kind, String origin, String path) {
        Matcher m = REPO.matcher(path);
        if (!m.find()) return null;
        String name = m.group(2).endsWith(".git") ? m.group(2).substring(0, m.group(2).length() - 4) : m.group(2);
        if (name.isEmpty()) return null;
        return new CodeLink(kind, origin + "/" + m.group(1) + "/" + name);
    }

    private static CodeLink huggingFace(String path) {
        Matcher m = HF.matcher(path);
        if (!m.find()) return null;
        String prefix = m.group(1) == null ? "" : m.group(1);
        return new CodeLink(CodeLink.Kind.HUGGINGFACE, "https://huggingface.co/" + prefix + m.group(2) + "/" + m.group(3));
    }

    private static CodeLink projectPage(String host, URI uri) {
        if (NOT_PROJECT_PAGES.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h))) return null;
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new CodeLink(CodeLink.Kind.PROJECT_PAGE, scheme + "://" + host + port + path + query);
    }

    private static String trimPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            // keep a closing parenthesis that balances one inside the URL, as in Wikipedia links
            if (url.charAt(end - 1) == ')' && url.substring(0, end - 1).contains("(")) break;
            end--;
        }
        return url.substring(0, end);
    }
}
