package org.broadside.statement;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads the full-text link: only https, since it is sent to journalists and posted for the public. */
final class LinkReader {

    private LinkReader() {
    }

    static URI httpsLink(Field field, Problems problems) {
        String written = field.singleLine(problems);
        if (written == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(written);
        } catch (URISyntaxException e) {
            field.reportValue(written, "is not a valid URL", problems);
            return null;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            field.reportValue(written, "must be an https URL", problems);
            return null;
        }
        if (uri.getHost() == null) {
            field.reportValue(written, "has no host name", problems);
            return null;
        }
        return uri;
    }
}
