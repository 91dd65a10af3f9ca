package org.broadside.statement;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** Reads the reference contact: who journalists and members are told to call or write to. */
final class ContactReader {
    private static final List<String> KEYS = List.of("name", "role", "phone", "email");
    /** Digits grouped as people write them, then an extension; possessive, so a long value cannot backtrack. */
    private static final Pattern PHONE =
            Pattern.compile("(?=.*[0-9])[0-9\\p{Zs}+()./-]++(\\p{Zs}*ext\\.?\\p{Zs}*[0-9]+)?");

    private ContactReader() {
    }

    static ReferenceContact contact(Field field, Problems problems) {
        if (!(field.node() instanceof MappingNode mapping)) {
            field.report("must be a mapping of " + String.join(", ", KEYS) + ", not " + Field.describe(field.node()),
                    problems);
            return null;
        }
        KeyedMapping contact = new KeyedMapping(mapping, field.name(), KEYS, field.line(), field.lines(), problems);
        if (KEYS.stream().noneMatch(contact::hasValue)) {
            field.report("must have at least one of " + String.join(", ", KEYS), problems);
            return null;
        }
        return new ReferenceContact(
                contact.optional("name", Field::singleLine).orElse(null),
                contact.optional("role", Field::singleLine).orElse(null),
                contact.optional("phone", ContactReader::phone).orElse(null),
                contact.optional("email", ContactReader::email).orElse(null));
    }

    private static String phone(Field field, Problems problems) {
        String phone = field.singleLine(problems);
        if (phone == null || PHONE.matcher(phone).matches()) {
            return phone;
        }
        field.reportValue(phone, "may contain only digits, spaces, + - ( ) . / and an 'ext'", problems);
        return null;
    }

    /**
     * Parsed as the mail sender will parse it, so an accepted address is one it can use. A bare address
     * only, with a domain that has a dot: a display name or a local host would not reach a journalist.
     */
    private static String email(Field field, Problems problems) {
        String email = field.singleLine(problems);
        if (email == null) {
            return null;
        }
        if (!isPlainInternetAddress(email)) {
            field.reportValue(email, "is not a valid email address", problems);
            return null;
        }
        return email;
    }

    private static boolean isPlainInternetAddress(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            String domain = email.substring(email.lastIndexOf('@') + 1);
            return email.equals(address.getAddress()) && !address.isGroup() && domain.contains(".");
        } catch (AddressException e) {
            return false;
        }
    }
}
