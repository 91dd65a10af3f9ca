package org.broadside.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Serves the console's three files from the class path. Only these names are served, so no path can reach
 * anything else. The Content-Security-Policy allows the console's own script and nothing inline; previewed
 * emails are shown in sandboxed frames (no scripts, a unique origin), where inline styles and remote images,
 * as email uses them, are allowed.
 */
public final class ConsoleAssets {
    private static final Map<String, String> FILES = Map.of(
            "/console", "index.html",
            "/console/", "index.html",
            "/console/console.js", "console.js",
            "/console/console.css", "console.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8");
    static final String POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: https:;"
            + " style-src 'self' 'unsafe-inline'; frame-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'";

    public void serve(Exchange exchange) {
        HttpCall call = new HttpCall(exchange);
        String file = FILES.get(call.path());
        if (file == null) {
            call.reply(404, "text/plain; charset=UTF-8", "not found");
            return;
        }
        call.reply(200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), read(file),
                Map.of("Content-Security-Policy", POLICY));
    }

    private static byte[] read(String file) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + file + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
