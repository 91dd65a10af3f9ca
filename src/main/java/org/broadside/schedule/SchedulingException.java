package org.broadside.schedule;

/** The release scheduler (Quartz and its job store) failed. */
public class SchedulingException extends RuntimeException {
    public SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
