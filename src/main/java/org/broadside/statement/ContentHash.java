package org.broadside.statement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex: the one hash that pins approved content everywhere. */
public final class ContentHash {
    private ContentHash() {
    }

    /** The hash of a statement's text, as its UTF-8 bytes. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first characters of a hash, enough for a person to compare two of them. */
    public static String abbreviate(String sha256) {
        return sha256.substring(0, 12);
    }
}
