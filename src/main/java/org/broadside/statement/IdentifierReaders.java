package org.broadside.statement;

import java.util.regex.Pattern;
import org.broadside.audience.ListName;

/** Readers for the names a statement refers to things by: its id, audience lists and hashtags. */
final class IdentifierReaders {
    /** Ids become file names and parts of links, so they are kept to what is safe everywhere. */
    private static final Pattern STATEMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    /** Any script: a hashtag in Chinese or Arabic is as much a hashtag as one in English. */
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_]+");

    private IdentifierReaders() {
    }

    /** For {@code id} and {@code translation_of}. */
    static String statementId(Field field, Problems problems) {
        String id = field.singleLine(problems);
        if (id == null || STATEMENT_ID.matcher(id).matches()) {
            return id;
        }
        field.reportValue(id, "must be lower-case letters, digits and '-', starting with a letter or digit,"
                + " at most 80 characters", problems);
        return null;
    }

    /** By the rule the contacts import applies, so that every audience named can be a list that exists. */
    static String listName(Field field, Problems problems) {
        String name = field.singleLine(problems);
        if (name == null || ListName.isValid(name)) {
            return name;
        }
        field.reportValue(name, "is not a valid list name (" + ListName.RULE + ")", problems);
        return null;
    }

    /** The tag without its {@code #}, which may be written or left out. */
    static String hashtag(Field field, Problems problems) {
        String written = field.singleLine(problems);
        if (written == null) {
            return null;
        }
        String tag = written.startsWith("#") ? written.substring(1) : written;
        if (HASHTAG.matcher(tag).matches()) {
            return tag;
        }
        field.reportValue(written, "must be letters, marks, digits and '_' only, with no spaces or punctuation",
                problems);
        return null;
    }
}
