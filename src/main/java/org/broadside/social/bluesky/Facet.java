package org.broadside.social.bluesky;

/**
 * A link or hashtag in a post's text, as {@code app.bsky.richtext.facet}: Bluesky's app renders the text between
 * the two offsets, counted in UTF-8 bytes of the text, as the link or tag.
 *
 * @param value the link's URI, or the tag without its {@code #}
 */
public record Facet(int byteStart, int byteEnd, Kind kind, String value) {

    public enum Kind {
        LINK("app.bsky.richtext.facet#link", "uri"),
        TAG("app.bsky.richtext.facet#tag", "tag");

        private final String type;
        private final String field;

        Kind(String type, String field) {
            this.type = type;
            this.field = field;
        }

        /** The feature's {@code $type}. */
        public String type() {
            return type;
        }

        /** The feature's field that holds the value. */
        public String field() {
            return field;
        }
    }
}
