package org.broadside.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** What Broadside needs to know about a configured host name. */
public final class Hosts {
    private Hosts() {
    }

    /**
     * Whether a host is this machine: traffic to it never leaves, so plain-text protocols are allowed to it
     * (a local relay, a test server) and to nothing else. An unknown host is not loopback.
     */
    public static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
