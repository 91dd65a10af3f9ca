package org.broadside.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.broadside.Broadside;

/**
 * {@code broadside --home DIR run} in a child JVM on this test's class path, its output (stdout and stderr
 * together) going to a log file. Start it through {@link ServiceJvms}, which makes sure it does not outlive the test.
 */
public final class ServiceJvm {
    private final Process process;
    private final Path log;
    /** Kills the child if this JVM exits before a test's teardown could (an aborted run): no orphan services. */
    private final Thread killOnExit;

    private ServiceJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-service-jvm-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static ServiceJvm start(Path home, Path log) throws IOException {
        return start(home, log, "run");
    }

    static ServiceJvm start(Path home, Path log, String... command) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The quick compiler only and one collector thread: a service that lives for seconds on two shared cores
        // spends less on optimising and collecting than it wins (the crash test takes a third less time).
        List<String> line = new ArrayList<>(List.of(java.toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Broadside.class.getName(), "--home", home.toString()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceJvm(process, log);
    }

    /**
     * Kills the service the way a crash or {@code kill -9} does: {@link Process#destroyForcibly()} sends SIGKILL on
     * Linux and macOS, so no shutdown hook, no finally block and no pending write of the child's gets to run.
     * Returns once the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("service JVM " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing service JVM " + process.pid(), e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // This JVM is already shutting down and runs the hook itself: the child is dead either way.
        }
    }

    /**
     * Stops the process the way Ctrl-C or a service manager does (SIGTERM: shutdown hooks run) and returns its
     * exit code once it is gone.
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JVM " + process.pid() + " did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** What the service printed so far, with the log file's name. */
    public String output() {
        try {
            return "--- output of service JVM " + process.pid() + " (" + log + ") ---\n"
                    + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
