package org.broadside.render;

import java.nio.charset.StandardCharsets;

/**
 * A text part whose skeleton is encoded for the wire once, and whose per-recipient values are encoded and spliced
 * in for each recipient.
 *
 * <p>Quoted-printable allows a soft line break ({@code =} CRLF) anywhere outside an escape, and a decoder drops it,
 * so the part is written as the encoded first piece, a soft break, the encoded value, a soft break, the encoded next
 * piece, and so on: every segment starts a line of its own, keeps within 76 characters, and escapes a space or tab
 * at its end as before any line break. Decoded, that is exactly the filled text.
 *
 * <p>The transfer encoding follows Angus's rule ({@link TextPartEncoder#encodingFor}) on the skeleton:
 * <ul>
 *   <li>quoted-printable: spliced as above.</li>
 *   <li>base64 (mostly non-ASCII, as Arabic or Chinese): base64 has no place to splice, so the filled text is
 *       encoded whole, which the JDK's encoder does quickly.</li>
 *   <li>7bit: the rule is applied again to the filled text, since a value could carry non-ASCII or make a line too
 *       long; usually it says 7bit again and the part is the filled text as it is (what the per-recipient path sends),
 *       else the part is spliced as quoted-printable, or base64 as the rule says.</li>
 * </ul>
 * Line breaks: pieces are made CRLF one by one. That equals making the filled text CRLF because the values carry no
 * CR or LF (the caller sends such a recipient down the per-recipient path) and no piece ends with a CR
 * ({@link TemplateSkeleton} refuses one).
 */
final class SplicedPart {
    private static final byte[] SOFT_BREAK = {'=', '\r', '\n'};

    private final TemplateSkeleton skeleton;
    private final String encoding;
    private final byte[][] utf8Pieces;
    /** Null for base64, which never splices. */
    private final byte[][] encodedPieces;

    SplicedPart(TemplateSkeleton skeleton) {
        this.skeleton = skeleton;
        String[] pieces = skeleton.pieces();
        this.utf8Pieces = new byte[pieces.length][];
        for (int i = 0; i < pieces.length; i++) {
            utf8Pieces[i] = TextPartEncoder.utf8WithCrlf(pieces[i]);
        }
        this.encoding = TextPartEncoder.encodingFor(Bytes.concat(utf8Pieces));
        if (encoding.equals("base64")) {
            this.encodedPieces = null;
        } else {
            this.encodedPieces = new byte[pieces.length][];
            for (int i = 0; i < pieces.length; i++) {
                encodedPieces[i] = TextPartEncoder.quotedPrintable(utf8Pieces[i], i < pieces.length - 1);
            }
        }
    }

    /** The part for one recipient's values of {@link EmailModel#RECIPIENT_VARIABLES}, none holding CR or LF. */
    EncodedText fill(String[] recipientValues) {
        String[] values = skeleton.values(recipientValues);
        byte[][] utf8Values = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            utf8Values[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        String chosen = encoding;
        if (!chosen.equals("quoted-printable")) {
            byte[] filled = filled(utf8Values);
            chosen = encoding.equals("base64") ? "base64" : TextPartEncoder.encodingFor(filled);
            if (!chosen.equals("quoted-printable")) {
                return new EncodedText(chosen, TextPartEncoder.encode(filled, chosen));
            }
        }
        return new EncodedText("quoted-printable", spliced(utf8Values));
    }

    private byte[] filled(byte[][] utf8Values) {
        byte[][] pieces = new byte[1 + 2 * utf8Values.length][];
        pieces[0] = utf8Pieces[0];
        for (int i = 0; i < utf8Values.length; i++) {
            pieces[1 + 2 * i] = utf8Values[i];
            pieces[2 + 2 * i] = utf8Pieces[i + 1];
        }
        return Bytes.concat(pieces);
    }

    private byte[] spliced(byte[][] utf8Values) {
        byte[][] pieces = new byte[1 + 4 * utf8Values.length][];
        pieces[0] = encodedPieces[0];
        for (int i = 0; i < utf8Values.length; i++) {
            pieces[1 + 4 * i] = SOFT_BREAK;
            pieces[2 + 4 * i] = TextPartEncoder.quotedPrintable(utf8Values[i], true);
            pieces[3 + 4 * i] = SOFT_BREAK;
            pieces[4 + 4 * i] = encodedPieces[i + 1];
        }
        return Bytes.concat(pieces);
    }
}
