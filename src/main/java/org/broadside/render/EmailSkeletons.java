package org.broadside.render;

import freemarker.template.Template;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.broadside.statement.Statement;

/**
 * Both parts of an email, encoded, from skeletons rendered once per group of recipients who get the same email but
 * for their own address, greeting, embargo time (printed in their zone) and unsubscribe link: the same version (the
 * whole statement, not only its id), format, which optional values they have (a greeting name, an embargo), and the
 * same edit of both templates
 * (FreeMarker gives a new Template object when a file changed, so an edited template is never served from an old
 * skeleton).
 *
 * <p>A template that {@link SkeletonEligibility} refuses, or whose output does not split cleanly, is remembered as
 * such and rendered per recipient by the caller. Thread-safe without a lock: two threads missing the same group
 * may both render it, and the last one kept wins. At most {@value #KEPT} groups are kept, the least recently used
 * going first, as a service sends many releases over months.
 */
final class EmailSkeletons {
    private static final int KEPT = 128;

    private final Templates templates;
    private final Function<EmailRequest, Map<String, Object>> modelOf;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    /** @param modelOf the model of one recipient's email, as the per-recipient path renders it */
    EmailSkeletons(Templates templates, Function<EmailRequest, Map<String, Object>> modelOf) {
        this.templates = templates;
        this.modelOf = modelOf;
    }

    /**
     * A group of recipients whose emails differ only by the per-recipient values.
     *
     * @param present bit i set when optional value i of {@link EmailModel#RECIPIENT_VARIABLES} is there
     */
    private record Key(Template text, Template html, Version version, Format format, int present) {
    }

    /**
     * The whole statement as a key, hashed by its id and content hash: every email looks its group up, and a
     * statement's record hash runs over its whole body. Equal only to an equal statement, as the record is.
     */
    private record Version(Statement statement) {
        @Override
        public int hashCode() {
            return 31 * statement.id().hashCode() + statement.sha256().hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Version that
                    && (statement == that.statement || statement.equals(that.statement));
        }
    }

    /** Skeletons of both parts, or null when either template must be rendered per recipient. */
    private static final class Entry {
        final SplicedPart text;
        final SplicedPart html;
        volatile long lastUsed;

        Entry(SplicedPart text, SplicedPart html) {
            this.text = text;
            this.html = html;
        }
    }

    /**
     * Text and HTML part for this request, or empty when it must be rendered per recipient: a template is not
     * eligible, or a value holds a line break (which filling could not normalise to CRLF as the whole text is).
     *
     * @throws TemplateFailure when a template is missing or fails
     */
    Optional<EncodedText[]> encode(EmailRequest request, String templateBase) {
        String[] values = EmailModel.recipientValues(request);
        int present = 0;
        for (int i = 0; i < values.length; i++) {
            boolean missing = values[i] == null && i >= EmailModel.OPTIONAL;
            if (missing || values[i] != null && (values[i].indexOf('\r') >= 0 || values[i].indexOf('\n') >= 0)) {
                return Optional.empty();
            }
            if (values[i] != null && i < EmailModel.OPTIONAL) {
                present |= 1 << i;
            }
        }
        Key key = new Key(templates.template(templateBase + ".txt.ftl"), templates.template(templateBase + ".html.ftlh"),
                new Version(request.version()), request.format(), present);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = build(key, request);
            entries.put(key, entry);
            evictBeyondKept();
        }
        entry.lastUsed = clock.incrementAndGet();
        if (entry.text == null) {
            return Optional.empty();
        }
        return Optional.of(new EncodedText[] {entry.text.fill(values), entry.html.fill(values)});
    }

    private Entry build(Key key, EmailRequest request) {
        Map<String, Object> model = modelOf.apply(request);
        Optional<SplicedPart> text = part(key.text(), model);
        Optional<SplicedPart> html = text.isPresent() ? part(key.html(), model) : Optional.empty();
        return html.isPresent() ? new Entry(text.get(), html.get()) : new Entry(null, null);
    }

    private Optional<SplicedPart> part(Template template, Map<String, Object> model) {
        boolean eligible = templates.sourceOf(template)
                .filter(source -> SkeletonEligibility.allows(source, EmailModel.RECIPIENT_VARIABLES))
                .isPresent();
        return eligible ? TemplateSkeleton.render(templates, template, model).map(SplicedPart::new) : Optional.empty();
    }

    /** Rare (a new group beyond the bound), so a sort of the few entries is cheap enough. */
    private void evictBeyondKept() {
        int excess = entries.size() - KEPT;
        if (excess > 0) {
            entries.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
