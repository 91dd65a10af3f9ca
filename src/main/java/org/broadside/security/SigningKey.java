package org.broadside.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.broadside.store.PrivateDirectory;

/**
 * The key that signs tokens: {@code broadside.secret} (best set as the environment variable BROADSIDE_SECRET),
 * else a random key generated once into {@code data/secret.key}, readable by its owner only, so that the
 * embedded default works out of the box and links stay valid across restarts.
 */
public final class SigningKey {
    private static final int MIN_SECRET_LENGTH = 32;

    private SigningKey() {
    }

    public static byte[] load(Settings settings) {
        return settings.find("broadside.secret").map(SigningKey::fromSetting)
                .orElseGet(() -> fromFile(settings.home().resolve("data").resolve("secret.key")));
    }

    private static byte[] fromSetting(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException("broadside.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters (generate one with: openssl rand -base64 48)");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot read the signing key " + file + ": " + e.getMessage());
        }
    }

    /** Writes the key beside its place, then moves it in, so another process never reads half a key. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        PrivateDirectory.create(file.getParent());
        Path draft = Files.createTempFile(file.getParent(), "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Only POSIX file systems know owner-only permissions; elsewhere the directory's rights apply.
        }
        Files.writeString(draft, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        try {
            Files.move(draft, file);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            Files.delete(draft);
        }
    }
}
