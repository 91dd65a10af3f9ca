package org.broadside.dispatch;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes each email as an {@code .eml} file under {@code <outbox>/<statement-id>/}: a transport for trying
 * Broadside out, for review, and for handing mail to another system. A file appears whole or not at all.
 */
public final class OutboxTransport implements Transport {
    private final Path outbox;

    public OutboxTransport(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public String send(OutgoingEmail email) {
        Path dir = outbox.resolve(email.statementId());
        Path file = dir.resolve(fileName(email.recipient()));
        try {
            Files.createDirectories(dir);
            Path draft = Files.createTempFile(dir, ".draft", ".eml");
            try (OutputStream out = Files.newOutputStream(draft)) {
                email.message().writeTo(out);
            }
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "written " + outbox.relativize(file);
        } catch (IOException | MessagingException e) {
            throw new DeliveryFailedException("cannot write " + file + ": " + e.getMessage(), false, e);
        }
    }

    /** The recipient's address made safe as a file name; addresses are unique (ignoring case) within a release. */
    static String fileName(String recipient) {
        return recipient.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._+-]", "_") + ".eml";
    }
}
