package org.broadside.config;

/** A setting that is missing or malformed; the message names the key and how to set it. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
