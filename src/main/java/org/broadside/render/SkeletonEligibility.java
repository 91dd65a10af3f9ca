package org.broadside.render;

import java.util.List;
import java.util.Locale;

/**
 * Decides from a template's source whether rendering it once with placeholders for the per-recipient variables and
 * filling them in afterwards gives exactly what rendering it for each recipient gives. That holds when every use of
 * such a variable is a plain {@code ${name}} in the template's text (printed, escaped as the output format
 * escapes) or a {@code name??} test in a directive (the same answer for a placeholder as for the value), and
 * nothing reads variables by a computed name, evaluates text as a template, or captures or rewrites output after an
 * interpolation wrote it.
 *
 * <p>Deliberately conservative, since operators edit templates: each name is looked for as a plain substring
 * everywhere outside FreeMarker comments, string literals included, and any other occurrence (a built-in,
 * {@code !}, an assignment, a loop variable, a string, text) makes the template ineligible; those templates are
 * simply rendered per recipient. The scan follows FreeMarker's lexical structure only as far as it must: comments
 * ({@code <#-- -->}, also inside directives), interpolations, directive tags, and string literals within them.
 */
final class SkeletonEligibility {
    /**
     * Constructs that defeat filling in afterwards, matched case-insensitively (FreeMarker also takes camel case,
     * as in {@code #noAutoEsc}). Reading variables by a computed name: the special variables; evaluating text:
     * {@code ?eval}, {@code ?interpret}, other templates; changing how an interpolation escapes: the escape
     * directives and {@code ?no_esc}; changing output after it was written: captured assignments, {@code #compress},
     * user directives with nested content (FreeMarker's own {@code html_escape} transform is one); and
     * {@code #noparse}, whose text this scan would read as FreeMarker.
     */
    private static final List<String> REFUSED = List.of(
            "<#include", "<#import", ".vars", ".data_model", ".datamodel", ".globals", ".main", ".namespace",
            "?eval", "?interpret", "#escape", "#noescape", "#outputformat", "#noautoesc", "#autoesc", "?no_esc",
            "?noesc", "</#assign", "</#global", "</#local", "#compress", "</@", "#noparse");

    private final String source;
    private final List<String> names;
    private int at;

    private SkeletonEligibility(String source, List<String> names) {
        this.source = source;
        this.names = names;
    }

    /**
     * @param source the template's source text
     * @param names  the per-recipient variables
     */
    static boolean allows(String source, List<String> names) {
        String lower = source.toLowerCase(Locale.ROOT);
        for (String refused : REFUSED) {
            if (lower.contains(refused)) {
                return false;
            }
        }
        return new SkeletonEligibility(source, names).text();
    }

    /** Static text: a name may only appear as a whole interpolation, {@code ${name}}. */
    private boolean text() {
        while (at < source.length()) {
            if (source.startsWith("<#--", at)) {
                if (!comment()) {
                    return false;
                }
            } else if (source.startsWith("${", at) || source.startsWith("#{", at)) {
                String plain = source.charAt(at) == '$' ? plainInterpolation() : null;
                if (plain != null) {
                    at += plain.length() + 3;
                } else {
                    at += 2;
                    if (!expression('}')) {
                        return false;
                    }
                }
            } else if (source.startsWith("<#", at) || source.startsWith("<@", at)) {
                at += 2;
                if (!expression('>')) {
                    return false;
                }
            } else if (source.startsWith("</#", at) || source.startsWith("</@", at)) {
                at += 3;
                if (!expression('>')) {
                    return false;
                }
            } else if (nameAt() != null) {
                return false;
            } else {
                at++;
            }
        }
        return true;
    }

    /** The name when the interpolation at {@code at} is exactly {@code ${name}}. */
    private String plainInterpolation() {
        for (String name : names) {
            if (source.startsWith(name + "}", at + 2)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Inside a directive tag or an interpolation up to its end ({@code >} or {@code }} outside brackets; as
     * FreeMarker, {@code >=} and the lambda arrow {@code ->} do not end a tag). Counting every kind of bracket, and
     * not only parentheses, can only make the scan read more as expression, where it is stricter.
     */
    private boolean expression(char end) {
        int depth = 0;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (source.startsWith("<#--", at)) {
                if (!comment()) {
                    return false;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                if (!string(c)) {
                    return false;
                }
                continue;
            }
            String name = nameAt();
            if (name != null) {
                if (!existenceTest(name)) {
                    return false;
                }
                at += name.length() + 2;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (end == '}' && depth == 0) {
                    at++;
                    return true;
                }
                depth--;
            } else if (c == '>' && end == '>' && depth == 0 && !source.startsWith("->", at - 1)
                    && !source.startsWith(">=", at)) {
                at++;
                return true;
            }
            at++;
        }
        return false;
    }

    /** {@code name??}, the name not part of a longer name or of a hash lookup. */
    private boolean existenceTest(String name) {
        char before = at > 0 ? source.charAt(at - 1) : ' ';
        boolean standalone = !Character.isLetterOrDigit(before) && "_$@.\\".indexOf(before) < 0;
        return standalone && source.startsWith("??", at + name.length());
    }

    /** A string literal: FreeMarker ends it at the next unescaped quote of its kind; raw strings escape nothing. */
    private boolean string(char quote) {
        boolean raw = at > 0 && source.charAt(at - 1) == 'r'
                && (at < 2 || !Character.isLetterOrDigit(source.charAt(at - 2)) && source.charAt(at - 2) != '_');
        at++;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '\\' && !raw) {
                at += 2;
            } else if (c == quote) {
                at++;
                return true;
            } else if (nameAt() != null) {
                return false;
            } else {
                at++;
            }
        }
        return false;
    }

    private boolean comment() {
        int close = source.indexOf("-->", at + 4);
        if (close < 0) {
            return false;
        }
        at = close + 3;
        return true;
    }

    private String nameAt() {
        for (String name : names) {
            if (source.startsWith(name, at)) {
                return name;
            }
        }
        return null;
    }
}
