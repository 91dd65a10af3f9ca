package org.broadside.web;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's filter of HTTP headers, letting the console's {@code Cache-Control: no-store} through: Camel drops it
 * by default, and without it a browser may keep signed-in pages and API answers (contacts, reports) on disk.
 */
public final class ConsoleHeaderFilter extends HttpHeaderFilterStrategy {
    public ConsoleHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
