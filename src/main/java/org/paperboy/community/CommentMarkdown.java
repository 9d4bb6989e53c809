package org.paperboy.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Renders a comment's Markdown (commonmark-java) to HTML that is safe to embed: raw HTML is
 * escaped, links may only be http, https, mailto or relative and carry {@code rel="nofollow ugc"},
 * and images become plain links (no remote pixels that track readers).
 */
public final class CommentMarkdown {
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    /** Browsers drop these inside URLs ("java\tscript:"), so they must be gone before the scheme check. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\x00-\\x20\\x7f]");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new Sanitizer())
            .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                if (node instanceof Link) attrs.put("rel", "nofollow ugc");
            })
            .build();

    public String toHtml(String markdown) {
        Node doc = parser.parse(markdown == null ? "" : markdown);
        doc.accept(new ImagesToLinks());
        return renderer.render(doc);
    }

    /** The URL if it is safe to link to, else "#". */
    static String safeUrl(String url) {
        String cleaned = INVISIBLE.matcher(url == null ? "" : url).replaceAll("");
        Matcher m = SCHEME.matcher(cleaned);
        if (m.find() && !ALLOWED_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT))) return "#";
        return cleaned;
    }

    private static final class Sanitizer implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safeUrl(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return safeUrl(url);
        }
    }

    private static final class ImagesToLinks extends AbstractVisitor {
        @Override
        public void visit(Image image) {
            Link link = new Link(image.getDestination(), image.getTitle());
            List<Node> children = new ArrayList<>();
            for (Node c = image.getFirstChild(); c != null; c = c.getNext()) children.add(c);
            children.forEach(link::appendChild);
            if (link.getFirstChild() == null) link.appendChild(new Text(image.getDestination()));
            image.insertBefore(link);
            image.unlink();
        }
    }
}
