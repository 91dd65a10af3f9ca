package org.broadside.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Broadside services in child JVMs, for tests that need a second process on a home or one they can kill.
 * Register it with {@code @RegisterExtension}: after each test every child still running is killed, and when the
 * test failed, what each child printed is added to the test's output.
 */
public final class ServiceJvms implements AfterEachCallback {
    private static final Path LOGS = Path.of("target", "service-jvms").toAbsolutePath();

    private final List<ServiceJvm> started = new ArrayList<>();

    /** Starts {@code broadside --home HOME run} in a new JVM. */
    public ServiceJvm run(Path home) throws IOException {
        Files.createDirectories(LOGS);
        ServiceJvm service = ServiceJvm.start(home, Files.createTempFile(LOGS, "run-", ".log"));
        started.add(service);
        return service;
    }

    /** Starts {@code broadside --home HOME COMMAND...} in a new JVM, e.g. {@code release ID --now --wait}. */
    public ServiceJvm command(Path home, String... command) throws IOException {
        Files.createDirectories(LOGS);
        ServiceJvm child = ServiceJvm.start(home, Files.createTempFile(LOGS, command[0] + "-", ".log"), command);
        started.add(child);
        return child;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(ServiceJvm::kill);
        if (context.getExecutionException().isPresent()) {
            started.forEach(service -> System.err.println(service.output()));
        }
        started.clear();
    }
}
