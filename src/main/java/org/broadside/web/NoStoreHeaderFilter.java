package org.broadside.web;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's filter of HTTP headers, letting {@code Cache-Control: no-store} through: Camel drops it by default, and
 * without it a browser or proxy may keep signed-in pages, API answers (contacts, reports) and metrics. Used by the
 * console's and the monitoring routes' endpoints ({@code headerFilterStrategy=#noStoreHeaders}).
 */
public final class NoStoreHeaderFilter extends HttpHeaderFilterStrategy {
    public NoStoreHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
