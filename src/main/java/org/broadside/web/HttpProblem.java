package org.broadside.web;

/** A request the console or its API refuses, with the HTTP status and a message for the operator. */
final class HttpProblem extends RuntimeException {
    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
