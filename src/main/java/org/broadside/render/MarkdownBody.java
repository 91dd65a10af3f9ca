package org.broadside.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A statement's Markdown body, parsed once and rendered for both parts of an email.
 *
 * <p>The body is data from a statement file, so the HTML is safe by construction: raw HTML in the
 * Markdown is escaped and shown as text, and link targets outside http, https, mailto and tel are
 * emptied ({@code javascript:} and {@code data:} included). Images become links to the image, because
 * the email loads nothing from elsewhere when it is opened.
 */
public final class MarkdownBody {
    private static final Parser PARSER = Parser.builder().build();
    private static final UrlSanitizer URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel"));
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(URLS)
            .build();

    // Rendered once when parsed: the same body goes to thousands of recipients, and rendering it per message
    // was a large share of a blast's CPU. The document is not kept; both renderings are all anyone needs.
    private final String html;
    private final String text;

    private MarkdownBody(Node document) {
        this.html = HTML.render(document);
        this.text = PlainText.render(document, URLS);
    }

    public static MarkdownBody parse(String markdown) {
        Node document = PARSER.parse(markdown);
        replaceImagesWithLinks(document);
        return new MarkdownBody(document);
    }

    /** Sanitised HTML for the text/html part. */
    public String html() {
        return html;
    }

    /** Readable text for the text/plain part; see {@link PlainText} for the layout. */
    public String text() {
        return text;
    }

    private static void replaceImagesWithLinks(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        for (Image image : images) {
            Link link = new Link(image.getDestination(), image.getTitle());
            while (image.getFirstChild() != null) {
                link.appendChild(image.getFirstChild());
            }
            if (link.getFirstChild() == null) {
                link.appendChild(new Text(image.getDestination()));
            }
            image.insertAfter(link);
            image.unlink();
        }
    }
}
