package org.broadside.render;

/**
 * A text part's content as it goes on the wire.
 *
 * @param encoding its Content-Transfer-Encoding: {@code 7bit}, {@code quoted-printable} or {@code base64}
 * @param bytes    the encoded content, CRLF line breaks
 */
record EncodedText(String encoding, byte[] bytes) {
}
