package org.broadside.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown as a person would type it in a plain-text email: blocks separated by a blank line, headings
 * as their text, {@code - } and {@code 1. } list markers with continuation lines indented under the
 * item, quotes prefixed with {@code > }, links as {@code text <url>}. Characters are kept as written,
 * so non-breaking spaces and curly quotes survive; the author's line breaks are kept too.
 */
final class PlainText {
    private final UrlSanitizer urls;

    private PlainText(UrlSanitizer urls) {
        this.urls = urls;
    }

    /** @param urls the same sanitizer as the HTML part, so a link neutralised there is not offered here */
    static String render(Node document, UrlSanitizer urls) {
        return new PlainText(urls).blocks(document, "\n\n");
    }

    private String blocks(Node parent, String separator) {
        List<String> parts = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            parts.add(block(child));
        }
        return String.join(separator, parts);
    }

    private String block(Node node) {
        if (node instanceof BulletList list) {
            return items(list, number -> "- ");
        }
        if (node instanceof OrderedList list) {
            int start = list.getMarkerStartNumber() != null ? list.getMarkerStartNumber() : 1;
            return items(list, number -> (start + number) + ". ");
        }
        if (node instanceof BlockQuote) {
            return prefixLines(blocks(node, "\n\n"), "> ");
        }
        if (node instanceof FencedCodeBlock code) {
            return withoutFinalNewline(code.getLiteral());
        }
        if (node instanceof IndentedCodeBlock code) {
            return withoutFinalNewline(code.getLiteral());
        }
        if (node instanceof HtmlBlock html) {
            return withoutFinalNewline(html.getLiteral());
        }
        if (node instanceof ThematicBreak) {
            return "* * *";
        }
        if (node instanceof Paragraph || node instanceof Heading) {
            StringBuilder text = new StringBuilder();
            inlines(node, text);
            return text.toString();
        }
        return blocks(node, "\n\n");
    }

    private String items(ListBlock list, IntFunction<String> marker) {
        String separator = list.isTight() ? "\n" : "\n\n";
        List<String> items = new ArrayList<>();
        int number = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
            String prefix = marker.apply(number);
            String content = blocks(item, separator);
            items.add(prefix + indentContinuation(content, " ".repeat(prefix.length())));
        }
        return String.join(separator, items);
    }

    private void inlines(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out);
        }
    }

    private void inline(Node node, StringBuilder out) {
        if (node instanceof Text text) {
            out.append(text.getLiteral());
        } else if (node instanceof Code code) {
            out.append(code.getLiteral());
        } else if (node instanceof HtmlInline html) {
            out.append(html.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append('\n');
        } else if (node instanceof Link link) {
            link(link, out);
        } else {
            inlines(node, out);
        }
    }

    private void link(Link link, StringBuilder out) {
        StringBuilder text = new StringBuilder();
        inlines(link, text);
        String url = urls.sanitizeLinkUrl(link.getDestination());
        boolean textIsTheUrl = text.toString().equals(url) || ("mailto:" + text).equals(url);
        if (url.isEmpty()) {
            out.append(text);
        } else if (textIsTheUrl) {
            out.append('<').append(url).append('>');
        } else {
            out.append(text).append(" <").append(url).append('>');
        }
    }

    private static String indentContinuation(String text, String indent) {
        return text.replace("\n", "\n" + indent).replaceAll("(?m)^ +$", "");
    }

    private static String prefixLines(String text, String prefix) {
        return (prefix + text.replace("\n", "\n" + prefix)).replaceAll("(?m) +$", "");
    }

    private static String withoutFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }
}
