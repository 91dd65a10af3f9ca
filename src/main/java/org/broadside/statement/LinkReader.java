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
            problems.add(field.line(), field.name() + " " + Problems.quote(written) + " is not a valid URL");
            return null;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            problems.add(field.line(), field.name() + " " + Problems.quote(written) + " must be an https URL");
            return null;
        }
        if (uri.getHost() == null) {
            problems.add(field.line(), field.name() + " " + Problems.quote(written) + " has no host name");
            return null;
        }
        return uri;
    }
}
