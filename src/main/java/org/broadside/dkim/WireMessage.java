package org.broadside.dkim;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.angus.mail.util.CRLFOutputStream;

/**
 * A message as it goes on the wire: {@link MimeMessage#writeTo} with every line ending made CRLF, the very
 * conversion Angus's SMTP transport applies while sending (its SMTPOutputStream is a CRLFOutputStream).
 * Serializing also saves a message that was not saved yet, so afterwards its headers and MIME boundaries stay
 * as they are here, which is what makes the signature hold for the bytes later transmitted.
 *
 * <p>Header values are kept as ISO-8859-1 text, one char per byte, so they can be turned back into the exact bytes.
 */
final class WireMessage {
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    /** A header field as written: its name, and its value after the colon with any folding left in place. */
    record Field(String name, String value) {
    }

    private final List<Field> fields;
    private final byte[] body;

    private WireMessage(List<Field> fields, byte[] body) {
        this.fields = fields;
        this.body = body;
    }

    static WireMessage of(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (OutputStream wire = new CRLFOutputStream(bytes)) {
            message.writeTo(wire);
        }
        return parse(bytes.toByteArray());
    }

    static WireMessage parse(byte[] wire) {
        int split = indexOf(wire, END_OF_HEADERS);
        if (split < 0) {
            throw new IllegalArgumentException("the message has no blank line after its headers");
        }
        String headers = new String(wire, 0, split, StandardCharsets.ISO_8859_1);
        return new WireMessage(fields(headers), Arrays.copyOfRange(wire, split + END_OF_HEADERS.length, wire.length));
    }

    private static List<Field> fields(String headers) {
        List<Field> fields = new ArrayList<>();
        StringBuilder field = null;
        for (String line : headers.split("\r\n", -1)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && field != null) {
                field.append("\r\n").append(line);
            } else {
                addField(fields, field);
                field = new StringBuilder(line);
            }
        }
        addField(fields, field);
        return fields;
    }

    private static void addField(List<Field> fields, StringBuilder field) {
        if (field == null) {
            return;
        }
        int colon = field.indexOf(":");
        if (colon <= 0) {
            throw new IllegalArgumentException("not a header field: '" + field + "'");
        }
        fields.add(new Field(field.substring(0, colon), field.substring(colon + 1)));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The values of every field with this name (ignoring case), in the order they are written. */
    List<String> values(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** The body: everything after the blank line that ends the headers. */
    byte[] body() {
        return body;
    }
}
