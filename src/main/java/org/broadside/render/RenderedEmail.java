package org.broadside.render;

/** One recipient's email before it becomes MIME: what the preview writes and what {@link EmailComposer} wraps. */
public record RenderedEmail(String subject, String text, String html) {
}
