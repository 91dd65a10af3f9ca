package org.broadside.dkim;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.broadside.config.Settings;
import org.broadside.dispatch.OutgoingEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a {@code DKIM-Signature} (rsa-sha256, relaxed/relaxed) to each email on its way to the transport, computed
 * over the message's own serialized bytes. The message stays the same object, so whatever its class carries (our
 * stable Message-ID, an envelope sender) reaches the transport unchanged. Without a configured key emails pass
 * through unsigned.
 *
 * <p>The signature holds as long as nothing rewrites the message after this step: Angus's SMTP transport does not,
 * unless 8BITMIME conversion ({@code mail.smtp.allow8bitmime}) is turned on, which re-encodes the body.
 * Instances are thread-safe.
 *
 * <p>Written here rather than taken from utils-mail-dkim, which signs by wrapping the message in its own MimeMessage
 * subclass at send time (losing ours) and brings BouncyCastle and an older Angus Mail: rsa-sha256 needs only the JDK.
 */
public final class DkimSigner {
    private static final Logger LOG = LoggerFactory.getLogger(DkimSigner.class);
    private static final String HEADER = "DKIM-Signature";
    /**
     * What the signature covers: who it is from and to, what it says, how to read it and how to unsubscribe
     * (mailbox providers require List-Unsubscribe and List-Unsubscribe-Post to be signed to honour one-click).
     */
    private static final List<String> SIGNED_HEADERS = List.of("From", "Reply-To", "To", "Subject", "Date",
            "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Language",
            "List-Unsubscribe", "List-Unsubscribe-Post");
    private static final int FOLD_WIDTH = 72;

    private final DkimSettings settings;
    private final Clock clock;

    private DkimSigner(DkimSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Signs with the key in these settings. */
    public static DkimSigner signingWith(DkimSettings settings, Clock clock) {
        return new DkimSigner(settings, clock);
    }

    /** Passes every email through as it is. */
    public static DkimSigner unsigned() {
        return new DkimSigner(null, null);
    }

    /**
     * A signer as {@code broadside.dkim.*} configures it: signing when a key is set, else passing emails through.
     *
     * @throws org.broadside.config.ConfigurationException naming the setting when the key or domain is wrong
     */
    public static DkimSigner from(Settings settings, InternetAddress from, Clock clock) {
        Optional<DkimSettings> dkim = DkimSettings.from(settings, from);
        dkim.ifPresent(configured -> LOG.info("DKIM: signing every email as d={}, s={}", configured.domain(),
                configured.selector()));
        return dkim.map(configured -> signingWith(configured, clock)).orElseGet(DkimSigner::unsigned);
    }

    /** The route's step: the same email, its message now carrying a DKIM-Signature when a key is configured. */
    public OutgoingEmail sign(OutgoingEmail email) {
        if (settings != null) {
            try {
                addSignature(email.message());
            } catch (MessagingException | IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot DKIM-sign the email to " + email.recipient(), e);
            }
        }
        return email;
    }

    private void addSignature(MimeMessage message) throws MessagingException, IOException, GeneralSecurityException {
        WireMessage wire = WireMessage.of(message);
        List<String> signedNames = signedNames(wire);
        String unsigned = tagsBeforeSignature(signedNames, bodyHash(wire));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(settings.key());
        rsa.update(signingInput(wire, signedNames, unsigned));
        // Replacing rather than adding: a message signed twice carries one signature, the one over its final state.
        message.setHeader(HEADER, unsigned + foldBase64(base64(rsa.sign())));
    }

    /** The DKIM-Signature's value up to its last tag, an empty b=, one tag per line. */
    private String tagsBeforeSignature(List<String> signedNames, String bodyHash) {
        return "v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n\td=" + settings.domain() + "; s=" + settings.selector()
                + "; t=" + clock.instant().getEpochSecond()
                + ";\r\n\th=" + foldNames(signedNames)
                + ";\r\n\tbh=" + bodyHash
                + ";\r\n\tb=";
    }

    private static String bodyHash(WireMessage wire) throws GeneralSecurityException {
        return base64(MessageDigest.getInstance("SHA-256").digest(RelaxedCanonicalization.body(wire.body())));
    }

    /**
     * Each header named once more than the message has it ("oversigning", RFC 6376 8.15): a second From or
     * List-Unsubscribe added on the way would then break the signature instead of riding along unsigned.
     */
    private static List<String> signedNames(WireMessage wire) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED_HEADERS) {
            names.addAll(Collections.nCopies(wire.values(name).size() + 1, name));
        }
        return names;
    }

    /**
     * RFC 6376 5.4.2: the named headers canonicalized, the last instance of a name first, then the DKIM-Signature
     * itself with an empty b= and no final CRLF. A name listed once more than it occurs contributes nothing then.
     */
    private static byte[] signingInput(WireMessage wire, List<String> signedNames, String unsignedSignature) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        Map<String, Integer> used = new HashMap<>();
        for (String name : signedNames) {
            List<String> values = wire.values(name);
            int taken = used.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (taken <= values.size()) {
                String value = values.get(values.size() - taken);
                input.writeBytes((RelaxedCanonicalization.header(name, value) + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        input.writeBytes(RelaxedCanonicalization.header(HEADER, unsignedSignature).getBytes(StandardCharsets.ISO_8859_1));
        return input.toByteArray();
    }

    /** The h= list over lines of at most about {@value #FOLD_WIDTH} characters; RFC 6376 allows folding after a colon. */
    private static String foldNames(List<String> names) {
        StringBuilder folded = new StringBuilder();
        int lineLength = "h=".length();
        for (String name : names) {
            if (folded.length() > 0) {
                folded.append(':');
                lineLength++;
                if (lineLength + name.length() > FOLD_WIDTH) {
                    folded.append("\r\n\t");
                    lineLength = 0;
                }
            }
            folded.append(name);
            lineLength += name.length();
        }
        return folded.toString();
    }

    /** A base64 value over lines of {@value #FOLD_WIDTH} characters; RFC 6376 allows folding anywhere in one. */
    private static String foldBase64(String value) {
        StringBuilder folded = new StringBuilder(value.length() + value.length() / FOLD_WIDTH * 3);
        for (int start = 0; start < value.length(); start += FOLD_WIDTH) {
            if (start > 0) {
                folded.append("\r\n\t");
            }
            folded.append(value, start, Math.min(value.length(), start + FOLD_WIDTH));
        }
        return folded.toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
