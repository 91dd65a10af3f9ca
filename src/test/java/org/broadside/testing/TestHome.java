package org.broadside.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.broadside.Broadside;

/**
 * A Broadside home for one test: a temporary directory with copies of the repository's own config/,
 * routes/ and templates/, so tests exercise exactly what operators get. Runs CLI commands in-process.
 */
public final class TestHome {
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();

    private final Path dir;

    public TestHome(Path dir) {
        this.dir = dir;
        for (String part : List.of("config", "routes", "templates")) {
            copyTree(REPOSITORY.resolve(part), dir.resolve(part));
        }
        // A service started on this home must not collide with anything else on the machine (another test run).
        set("broadside.http.port", Integer.toString(freePort()));
    }

    /** A TCP port on loopback that nothing listens on right now. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Appends settings to this home's config/application.properties. */
    public TestHome set(String key, String value) {
        try {
            Files.writeString(dir.resolve("config/application.properties"), "\n" + key + "=" + value + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends email over SMTP to a test server on loopback. */
    public TestHome smtpOnLoopback(int port) {
        return set("broadside.transport", "smtp").set("broadside.smtp.host", "127.0.0.1")
                .set("broadside.smtp.port", Integer.toString(port));
    }

    /** Imports {@code contacts} as the list "members", then submits and approves the English sample statement. */
    public TestHome withApprovedSample(String contacts) {
        return withApproved(contacts, Samples.english());
    }

    /** Imports {@code contacts} as the list "members", then submits and approves a variant of the sample. */
    public TestHome withApproved(String contacts, String statement) {
        withSubmitted(contacts, statement);
        run("approve", "may-day-2027", "--by", "Eni");
        return this;
    }

    /** Imports {@code contacts} as the list "members" and submits the English sample statement, unapproved. */
    public TestHome withSubmittedSample(String contacts) {
        return withSubmitted(contacts, Samples.english());
    }

    private TestHome withSubmitted(String contacts, String statement) {
        run("contacts", "import", write("m.csv", contacts).toString(), "--list", "members");
        run("submit", write("en.md", statement).toString());
        return this;
    }

    /** Lets an operator sign in to this home's console. */
    public TestHome withOperator(String name, org.broadside.web.Role role, String password) {
        new org.broadside.web.Operators(dir).add(name, role, password.toCharArray());
        return this;
    }

    /** Writes a file into the home and returns its path. */
    public Path write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path outbox() {
        return dir.resolve("outbox");
    }

    /** Runs {@code broadside --home DIR args...} in this JVM. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--home", dir.toString()));
        all.addAll(List.of(args));
        int code = Broadside.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
