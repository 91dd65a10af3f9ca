package org.broadside.social;

import org.broadside.statement.Statement;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.regex.Pattern;

/** The text social posts are built from: the statement's summary, or else its opening paragraph as plain text. */
public final class SocialText {
    private static final Parser MARKDOWN = Parser.builder().build();

    /** Markdown's whitespace only: a no-break space is the author's choice (before "%", inside "18 December"). */
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

    private SocialText() {
    }

    public static String of(Statement statement) {
        if (statement.summary() != null && !statement.summary().isBlank()) {
            return statement.summary().strip();
        }
        Paragraph opening = openingParagraph(MARKDOWN.parse(statement.body()));
        if (opening == null) {
            throw new IllegalArgumentException("statement " + statement.id() + " (" + statement.language()
                    + ") has no summary and no paragraph to post");
        }
        return WHITESPACE.matcher(plainText(opening)).replaceAll(" ").strip();
    }

    private static Paragraph openingParagraph(Node document) {
        FirstParagraph finder = new FirstParagraph();
        document.accept(finder);
        return finder.found;
    }

    /** Links and images keep their text, emphasis its content; inline HTML, having no text node, is dropped. */
    private static String plainText(Paragraph paragraph) {
        PlainText collector = new PlainText();
        paragraph.accept(collector);
        return collector.text.toString();
    }

    private static final class FirstParagraph extends AbstractVisitor {
        private Paragraph found;

        @Override
        public void visit(Paragraph paragraph) {
            if (found == null) {
                found = paragraph;
            }
        }
    }

    private static final class PlainText extends AbstractVisitor {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code code) {
            text.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            text.append(' ');
        }
    }
}
