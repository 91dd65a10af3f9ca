package org.broadside.social.bluesky;

import org.broadside.dispatch.DeliveryDeferredException;
import org.broadside.dispatch.DeliveryFailedException;

import java.time.Clock;

/**
 * How a Bluesky error answer is reported to the ledger, which retries and records it as it does an email's:
 * a rate limit waits until the time the server named; a server error, or a token that was just renewed and still
 * refused, is temporary; any other refusal (a post too long, a suspended account, a wrong password) is permanent,
 * since sending the same request again gets the same answer.
 */
final class Failures {

    private Failures() {
    }

    static DeliveryFailedException of(XrpcException e, Clock clock) {
        String reply = "Bluesky " + e.getMessage() + advice(e);
        if (e.isRateLimit()) {
            return new DeliveryDeferredException(reply, e.retryAt(clock));
        }
        boolean temporary = e.isServerError() || e.isTokenProblem();
        return new DeliveryFailedException(reply, !temporary, e);
    }

    /** What an operator should do about the answers that mean the configuration is wrong. */
    private static String advice(XrpcException e) {
        if ("AuthFactorTokenRequired".equals(e.error())) {
            return " (the account has two-factor sign-in: give Broadside an app password, not the account's password)";
        }
        if (e.method().equals("com.atproto.server.createSession") && e.status() == 401) {
            return " (check broadside.bluesky.handle and the app password in BROADSIDE_BLUESKY_APP_PASSWORD;"
                    + " Broadside signs in again after a restart)";
        }
        return "";
    }
}
