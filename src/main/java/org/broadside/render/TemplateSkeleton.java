package org.broadside.render;

import freemarker.core.MarkupOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.template.Template;
import freemarker.template.TemplateModelException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One template rendered for a whole group of recipients: the text between the places where per-recipient values
 * go, and which value goes in each place, escaped as the template's output format escapes an interpolation.
 *
 * <p>Made by rendering the template with a placeholder token for each per-recipient variable present, and splitting
 * the output at the tokens. Tokens are letters and digits, which no escaping changes, unguessable (random per
 * process) and of one length, so that none is the start of another. The template is rendered twice, with tokens of
 * different lengths and letters, and both must split into the same text: anything that printed a token other than
 * as it is (its length, its letters changed, a test on it) would show there; {@link SkeletonEligibility} rules such
 * templates out beforehand, this is the check that it did.
 *
 * @param pieces the text around the values, one more than there are values
 * @param slots  for each value, its index in {@link EmailModel#RECIPIENT_VARIABLES}
 */
record TemplateSkeleton(String[] pieces, int[] slots, Escaper escaper) {
    /** How an interpolation prints a plain string in this template. */
    interface Escaper {
        String escape(String value);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Tokens FIRST = new Tokens("bsx" + HexFormat.of().toHexDigits(RANDOM.nextLong()), 'q');
    private static final Tokens SECOND = new Tokens("zk" + HexFormat.of().toHexDigits(RANDOM.nextLong())
            + HexFormat.of().toHexDigits(RANDOM.nextLong()), 'w');

    /**
     * @param template the template, already found {@linkplain SkeletonEligibility eligible}
     * @param model    one recipient's model; the per-recipient values in it are replaced by tokens
     * @return empty when the output does not split as expected: then the template is rendered per recipient
     */
    static Optional<TemplateSkeleton> render(Templates templates, Template template, Map<String, Object> model) {
        Optional<Split> first = FIRST.split(templates.render(template, FIRST.in(model)));
        Optional<Split> second = SECOND.split(templates.render(template, SECOND.in(model)));
        if (first.isEmpty() || !first.equals(second)) {
            return Optional.empty();
        }
        for (String piece : first.get().pieces()) {
            // Filling would separate a CR at a piece's end from an LF at the next one's start (see SplicedPart).
            if (piece.endsWith("\r")) {
                return Optional.empty();
            }
        }
        return Optional.of(new TemplateSkeleton(first.get().pieces().toArray(String[]::new),
                first.get().slots().stream().mapToInt(Integer::intValue).toArray(), escaperOf(template)));
    }

    /** The value of each slot, escaped, for one recipient's values of {@link EmailModel#RECIPIENT_VARIABLES}. */
    String[] values(String[] recipientValues) {
        String[] values = new String[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = escaper.escape(recipientValues[slots[i]]);
        }
        return values;
    }

    /** The whole text for one recipient: what rendering the template for them gives. */
    String fill(String[] recipientValues) {
        String[] values = values(recipientValues);
        StringBuilder text = new StringBuilder(pieces[0]);
        for (int i = 0; i < values.length; i++) {
            text.append(values[i]).append(pieces[i + 1]);
        }
        return text.toString();
    }

    /** Auto-escaping in a markup format (HTML for .ftlh) escapes a string; otherwise it is printed as it is. */
    private static Escaper escaperOf(Template template) {
        OutputFormat format = template.getOutputFormat();
        if (format instanceof MarkupOutputFormat<?> markup && template.getAutoEscaping()) {
            return value -> {
                try {
                    return markup.escapePlainText(value);
                } catch (TemplateModelException e) {
                    throw new IllegalStateException("cannot escape for " + format, e);
                }
            };
        }
        return value -> value;
    }

    /** Output cut at the tokens. */
    private record Split(List<String> pieces, List<Integer> slots) {
    }

    /** One token per per-recipient variable: a common stem, a separator letter, the variable's index. */
    private record Tokens(String stem, char separator) {
        String token(int slot) {
            return stem + separator + slot;
        }

        Map<String, Object> in(Map<String, Object> model) {
            Map<String, Object> withTokens = new HashMap<>(model);
            for (int slot = 0; slot < EmailModel.RECIPIENT_VARIABLES.size(); slot++) {
                String name = EmailModel.RECIPIENT_VARIABLES.get(slot);
                if (withTokens.get(name) != null) {
                    withTokens.put(name, token(slot));
                }
            }
            return withTokens;
        }

        /** Empty when the stem occurs anywhere but in a whole token. */
        Optional<Split> split(String output) {
            List<String> pieces = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int from = 0;
            for (int at = output.indexOf(stem); at >= 0; at = output.indexOf(stem, from)) {
                int slot = slotAt(output, at);
                if (slot < 0) {
                    return Optional.empty();
                }
                pieces.add(output.substring(from, at));
                slots.add(slot);
                from = at + token(slot).length();
            }
            pieces.add(output.substring(from));
            return Optional.of(new Split(pieces, slots));
        }

        private int slotAt(String output, int at) {
            for (int slot = 0; slot < EmailModel.RECIPIENT_VARIABLES.size(); slot++) {
                if (output.startsWith(token(slot), at)) {
                    return slot;
                }
            }
            return -1;
        }
    }
}
