package org.broadside.social.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A timestamp identifier (atproto spec "Timestamp Identifiers (TIDs)"), the record key {@code app.bsky.feed.post}
 * requires: a 64-bit integer whose top bit is 0, then 53 bits of microseconds since the epoch and 10 bits of
 * "clock identifier", written as 13 characters of base32-sortable ({@code 234567abcdefghijklmnopqrstuvwxyz}).
 *
 * <p>Bluesky has no Idempotency-Key, so Broadside names each post itself: the same idempotency key always gives the
 * same TID, and a second create for it finds the first record instead of making a twin. The timestamp part is not
 * the time of posting (a retry must not change it) but 45 bits of a SHA-256 of the key, placed in the 407 days from
 * 2023-01-01: a key that looks like any client's (a past microsecond) rather than one from centuries ahead, which
 * validators may come to refuse, as has been proposed for repository revisions (bluesky-social/ietf-drafts#5).
 * With the 10 clock bits that is 55 bits of the hash, so the odds that two of an account's posts share a key are
 * about 1 in 7 million after 100,000 posts.
 */
public final class Tid {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    /** The spec's reference expression; the first character carries the top four bits, the top one always 0. */
    private static final Pattern SYNTAX = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    private static final int LENGTH = 13;
    private static final int CLOCK_BITS = 10;
    private static final int TIMESTAMP_SPREAD_BITS = 45;
    private static final long WINDOW_START_MICROS =
            ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2023-01-01T00:00:00Z"));

    private final String text;

    private Tid(String text) {
        this.text = text;
    }

    /** The TID for an idempotency key: the same for the same key, on every attempt and every machine. */
    public static Tid derivedFrom(String idempotencyKey) {
        long hash = first64Bits(sha256(idempotencyKey));
        long clockId = hash & ((1L << CLOCK_BITS) - 1);
        long micros = WINDOW_START_MICROS + ((hash >>> CLOCK_BITS) & ((1L << TIMESTAMP_SPREAD_BITS) - 1));
        return new Tid(encode(micros << CLOCK_BITS | clockId));
    }

    /** Whether a string is a TID as the spec's syntax rules (and the PDS) accept it. */
    public static boolean isValid(String candidate) {
        return candidate != null && SYNTAX.matcher(candidate).matches();
    }

    /** The moment the TID's timestamp part names. */
    public Instant timestamp() {
        long value = 0;
        for (int i = 0; i < LENGTH; i++) {
            value = value << 5 | ALPHABET.indexOf(text.charAt(i));
        }
        return Instant.EPOCH.plus(value >>> CLOCK_BITS, ChronoUnit.MICROS);
    }

    /** Most significant digit first, every digit written, so string order is numeric order. */
    private static String encode(long value) {
        char[] digits = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(digits);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long first64Bits(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tid tid && tid.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
