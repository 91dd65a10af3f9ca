package org.broadside.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadside.config.ConfigurationException;
import org.broadside.security.PasswordHash;

/**
 * The operators allowed into the console, from {@code config/operators.properties} under the home: one line per
 * operator, {@code NAME = ROLE HASH}, written by {@code broadside operator add}. The file is read again when it
 * changes, so adding or removing an operator needs no restart.
 */
public final class Operators {
    static final String FILE = "config/operators.properties";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern LINE = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s*");
    /**
     * Checked when the name is unknown, so that a wrong name takes as long as a wrong password. Hashed on the
     * first sign-in, not when the class loads: every command that starts the routes loads it, and 600,000
     * iterations are half a second of CPU that a command which never signs anyone in should not spend.
     */
    private static final class Unknown {
        static final String HASH = PasswordHash.hash("no such operator".toCharArray());
    }

    private final Path file;
    /** What the file looked like when read: a new version is noticed by any of these changing. */
    private Version readVersion;
    private Map<String, Entry> entries = Map.of();

    public Operators(Path home) {
        this.file = home.resolve(FILE);
    }

    private record Entry(Role role, String hash) {
    }

    /** The operator, when the name is known and the password is theirs. */
    public Optional<Operator> signIn(String name, char[] password) {
        Entry entry = current().get(name);
        boolean matches = PasswordHash.matches(password, entry == null ? Unknown.HASH : entry.hash());
        return matches && entry != null ? Optional.of(new Operator(name, entry.role())) : Optional.empty();
    }

    /** Whether anyone may sign in at all: without operators the console only says how to add one. */
    public boolean any() {
        return !current().isEmpty();
    }

    /** Adds the operator, or gives an existing one a new role and password. */
    public void add(String name, Role role, char[] password) {
        requireName(name);
        Map<String, Entry> updated = new LinkedHashMap<>(current());
        updated.put(name, new Entry(role, PasswordHash.hash(password)));
        write(updated);
    }

    /** @return false when there was no such operator */
    public boolean remove(String name) {
        Map<String, Entry> updated = new LinkedHashMap<>(current());
        if (updated.remove(name) == null) {
            return false;
        }
        write(updated);
        return true;
    }

    /** Name and role of each operator, in file order. */
    public Map<String, Role> list() {
        Map<String, Role> roles = new LinkedHashMap<>();
        current().forEach((name, entry) -> roles.put(name, entry.role()));
        return roles;
    }

    public static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("operator name '" + name
                    + "': use 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    private synchronized Map<String, Entry> current() {
        try {
            if (!Files.isRegularFile(file)) {
                entries = Map.of();
                readVersion = null;
                return entries;
            }
            Version version = Version.of(file);
            if (!version.equals(readVersion)) {
                entries = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
                readVersion = version;
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws ConfigurationException naming the file and line of the first line that is not an operator */
    private static Map<String, Entry> parse(List<String> lines) {
        Map<String, Entry> parsed = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            var matcher = LINE.matcher(line);
            String where = FILE + ":" + number + ": ";
            if (!matcher.matches()) {
                throw new ConfigurationException(where + "expected NAME = ROLE HASH (see broadside operator add)");
            }
            try {
                requireName(matcher.group(1));
                Role role = Role.of(matcher.group(2));
                PasswordHash.requireWellFormed(matcher.group(3));
                parsed.put(matcher.group(1), new Entry(role, matcher.group(3)));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + e.getMessage());
            }
        }
        return parsed;
    }

    private synchronized void write(Map<String, Entry> operators) {
        List<String> lines = new ArrayList<>();
        lines.add("# Console operators: NAME = ROLE HASH. Written by `broadside operator add`; roles: editor, approver, admin.");
        operators.forEach((name, entry) -> lines.add(name + " = " + entry.role().key() + " " + entry.hash()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "operators", ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + ": cannot be written: " + e.getMessage(), e);
        }
        readVersion = null;
    }

    /**
     * The file's identity (a new one with each atomic rewrite), modification time and size. The time alone is
     * not enough: two writes within the file system's clock tick (a few milliseconds) share it, and an operator
     * removed right after another was added could still sign in.
     */
    private record Version(Object fileKey, FileTime modified, long size) {
        static Version of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        }
    }
}
