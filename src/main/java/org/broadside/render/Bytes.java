package org.broadside.render;

/**
 * Joins byte arrays into one of exactly their total length. Emails are assembled from a few large pieces per
 * recipient; a ByteArrayOutputStream would grow its buffer and copy it once more at the end, two extra copies of
 * every email (a quarter of what sending allocated).
 */
final class Bytes {
    private Bytes() {
    }

    static byte[] concat(byte[]... pieces) {
        int length = 0;
        for (byte[] piece : pieces) {
            length = Math.addExact(length, piece.length);
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, joined, at, piece.length);
            at += piece.length;
        }
        return joined;
    }
}
