package org.broadside.store;

/** The database failed; wraps the driver's exception with what Broadside was doing. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
