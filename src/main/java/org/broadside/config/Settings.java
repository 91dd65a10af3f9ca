package org.broadside.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Broadside's settings, merged once at start-up, later sources winning:
 * built-in defaults, {@code config/application.properties} under the home, an environment variable
 * ({@code BROADSIDE_SMTP_HOST} for {@code broadside.smtp.host}), then a {@code -Dkey=value} system property.
 *
 * <p>The defaults file on the classpath lists every key Broadside knows, so an environment variable
 * can override any of them without the operator editing a file. Camel receives the merged set, so a
 * route's {@code {{broadside.outbox.dir}}} and the Java beans always agree.
 */
public final class Settings {
    private static final String DEFAULTS = "/org/broadside/config/defaults.properties";
    private static final String FILE = "config/application.properties";
    private static final java.util.List<String> DIRECTORIES = java.util.List.of("broadside.inbox.dir", "broadside.outbox.dir");

    private final Path home;
    private final Properties values;

    private Settings(Path home, Properties values) {
        this.home = home;
        this.values = values;
    }

    public static Settings load(Path home) {
        return load(home, System.getenv(), System.getProperties());
    }

    public static Settings load(Path home, Map<String, String> environment, Properties system) {
        Properties merged = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            merged.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Broadside's built-in defaults are missing from the classpath", e);
        }
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                merged.load(in);
            } catch (IOException e) {
                throw new ConfigurationException(FILE + ": cannot be read: " + e.getMessage());
            }
        }
        for (String key : merged.stringPropertyNames()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                merged.setProperty(key, fromEnvironment);
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("broadside.") || key.startsWith("camel.")) {
                merged.setProperty(key, system.getProperty(key));
            }
        }
        return new Settings(home.toAbsolutePath().normalize(), merged);
    }

    /** The environment variable that overrides a key, the same mapping Camel's property placeholders use. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Path home() {
        return home;
    }

    /** A value that must be set; an empty value counts as unset. */
    public String require(String key) {
        return find(key).orElseThrow(() -> new ConfigurationException(
                key + " is not set (set it in " + FILE + " or the environment variable " + environmentName(key) + ")"));
    }

    public Optional<String> find(String key) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int integer(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + " must be a whole number, not '" + value + "'");
        }
    }

    /** A number that is zero or more, such as a rate of 2.5 messages per second. */
    public double nonNegative(String key) {
        String value = require(key);
        try {
            double number = Double.parseDouble(value);
            if (number >= 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new ConfigurationException(key + " must be a number of 0 or more, not '" + value + "'");
    }

    /** true or false, nothing else: a typo such as "ture" must not quietly mean false. */
    public boolean bool(String key) {
        String value = require(key);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigurationException(key + " must be true or false, not '" + value + "'");
    }

    /** An ISO-8601 duration such as PT10M. */
    public java.time.Duration duration(String key) {
        String value = require(key);
        try {
            return java.time.Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigurationException(key + " must be an ISO-8601 duration such as PT10M, not '" + value + "'");
        }
    }

    /** A comma-separated list; blanks dropped. */
    public java.util.List<String> list(String key) {
        return find(key).stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /** A path setting; relative paths are read against the home directory. */
    public Path path(String key) {
        return home.resolve(require(key)).normalize();
    }

    /**
     * All settings, as handed to Camel's property placeholders. Directory settings are resolved against the
     * home, so a route's {@code file:{{broadside.inbox.dir}}} means the same folder whatever the working directory.
     */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(values);
        copy.setProperty("broadside.home", home.toString());
        for (String key : DIRECTORIES) {
            find(key).ifPresent(value -> copy.setProperty(key, home.resolve(value).normalize().toString()));
        }
        return copy;
    }
}
