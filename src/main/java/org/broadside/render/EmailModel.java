package org.broadside.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadside.statement.Kind;
import org.broadside.statement.ReferenceContact;
import org.broadside.statement.Statement;

/**
 * The one data model every email template gets, member or press, sent or previewed. The variables are
 * listed in each template's header comment; optional ones are left out rather than set to null or to
 * an empty string, so a template tests them with {@code ??}.
 *
 * <p>Everything is a string, a boolean or a map of strings, except the member format's {@code share}, a list
 * of maps (see {@link ShareKit}), and {@code bodyHtml}: it is the
 * sanitised HTML of the Markdown body as a FreeMarker HTML markup value, so an {@code .ftlh} template
 * prints it as HTML without {@code ?no_esc}, and a plain-text template cannot print it at all.
 */
final class EmailModel {
    /**
     * The variables that differ between recipients of one version and format, in the order of
     * {@link #recipientValues}: the first {@value #OPTIONAL} are optional (left out of the model when absent).
     * {@code embargoUntil} is one of them because it is printed in each recipient's own zone.
     */
    static final List<String> RECIPIENT_VARIABLES =
            List.of("greetingName", "embargoUntil", "recipientEmail", "unsubscribeUrl");
    static final int OPTIONAL = 2;

    private EmailModel() {
    }

    /** The values of {@link #RECIPIENT_VARIABLES} for this recipient; null for an optional one left out. */
    static String[] recipientValues(EmailRequest request) {
        String greetingName = request.recipient().greetingName();
        return new String[] {
            greetingName != null && !greetingName.isBlank() ? greetingName : null,
            embargoUntil(request),
            request.recipient().email(),
            request.unsubscribeUrl()};
    }

    /** {@code embargoUntil} as the templates print it, in the recipient's zone; null without an embargo. */
    private static String embargoUntil(EmailRequest request) {
        return request.embargoUntil()
                .map(until -> Datelines.dateTimeWithZone(until, request.version().locale()))
                .orElse(null);
    }

    /**
     * @param body     the version's body, parsed once per version by the caller rather than once per recipient
     * @param shareKit the posts a member is asked to share; press emails never carry them
     */
    static Map<String, Object> of(EmailRequest request, MarkdownBody body, ShareKit shareKit) {
        Statement version = request.version();
        Map<String, Object> model = new HashMap<>();
        model.put("format", request.format().key());
        model.put("kind", version.kind().key());
        model.put("pressRelease", version.kind() == Kind.PRESS_RELEASE);
        model.put("language", version.language());
        model.put("direction", Languages.isRightToLeft(version.language()) ? "rtl" : "ltr");
        String[] recipientValues = recipientValues(request);
        for (int i = 0; i < recipientValues.length; i++) {
            if (recipientValues[i] != null || i >= OPTIONAL) {
                model.put(RECIPIENT_VARIABLES.get(i), recipientValues[i]);
            }
        }
        model.put("title", version.title());
        putIfPresent(model, "subtitle", version.subtitle());
        model.put("dateline", Datelines.date(version.date(), version.locale()));
        model.put("bodyHtml", markup(body.html()));
        model.put("bodyText", body.text());
        if (version.contact() != null) {
            model.put("contact", contact(version.contact()));
        }
        if (version.link() != null) {
            model.put("link", version.link().toString());
        }
        List<Map<String, Object>> share = request.format() == Format.MEMBER ? shareKit.of(version) : List.of();
        if (!share.isEmpty()) {
            model.put("share", share);
        }
        return model;
    }

    private static Map<String, String> contact(ReferenceContact contact) {
        Map<String, String> model = new HashMap<>();
        putIfPresent(model, "name", contact.name());
        putIfPresent(model, "role", contact.role());
        putIfPresent(model, "phone", contact.phone());
        if (contact.phone() != null) {
            putIfPresent(model, "phoneUri", telUri(contact.phone()));
        }
        putIfPresent(model, "email", contact.email());
        return model;
    }

    /**
     * {@code tel:} wants the number alone: "+852 2345 6789" (spaces often non-breaking) becomes
     * {@code tel:+85223456789}. Null when there is no digit to dial.
     */
    private static String telUri(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        return "tel:" + (phone.strip().startsWith("+") ? "+" : "") + digits;
    }

    private static Object markup(String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (TemplateModelException e) {
            throw new IllegalStateException("FreeMarker refused HTML markup it always accepts", e);
        }
    }

    private static void putIfPresent(Map<String, ? super String> model, String key, String value) {
        if (value != null && !value.isBlank()) {
            model.put(key, value);
        }
    }
}
