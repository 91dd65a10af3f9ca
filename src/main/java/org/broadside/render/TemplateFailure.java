package org.broadside.render;

/**
 * A template could not be rendered: it is missing, does not parse, or failed while running (an undefined
 * variable, a forbidden built-in). The message starts with {@code file:line} so an operator can go
 * straight to the template; nothing was sent with it.
 */
public class TemplateFailure extends RuntimeException {
    private final String template;
    private final int line;

    /**
     * @param template the template's path as the operator sees it, e.g. {@code templates/email/member.html.ftlh}
     * @param line     the 1-based line, or 0 when the failure concerns the whole file
     */
    TemplateFailure(String template, int line, String reason, Throwable cause) {
        super((line > 0 ? template + ":" + line : template) + ": " + reason, cause);
        this.template = template;
        this.line = line;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }
}
