package org.broadside.social.bluesky;

/**
 * A signed-in session: the account's DID (the repository posts go to), its current handle, and the two tokens.
 * The access token authorizes every call for a while (about two hours on bsky.social); the refresh token gets a
 * new pair without the password.
 */
record Session(String did, String handle, String accessJwt, String refreshJwt) {

    @Override
    public String toString() {
        // Tokens are credentials: never in a log line or a stack trace.
        return "Session[" + handle + ", " + did + "]";
    }
}
