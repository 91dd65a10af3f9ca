package org.broadside.camel;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code routes/} and hands each route file that changed to {@link RouteReload}, once the directory has
 * been quiet for a moment: an editor's save is a burst of events (write, or write a temporary file and rename it
 * over the old one, or move the old one aside first), and only the file as it stands afterwards is of interest.
 */
final class RouteDirectoryWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteDirectoryWatcher.class);
    /** Long enough to cover an editor's save; short enough that an operator sees the result at once. */
    private static final long QUIET_MILLIS = 300;

    private final Path directory;
    private final RouteReload reload;
    private final WatchService watcher;
    private final Thread thread;

    private RouteDirectoryWatcher(Path directory, RouteReload reload) throws IOException {
        this.directory = directory;
        this.reload = reload;
        this.watcher = directory.getFileSystem().newWatchService();
        directory.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        this.thread = new Thread(this::watch, "broadside-route-watcher");
        thread.setDaemon(true);
    }

    static RouteDirectoryWatcher start(Path directory, RouteReload reload) throws IOException {
        RouteDirectoryWatcher started = new RouteDirectoryWatcher(directory, reload);
        started.thread.start();
        LOG.info("watching {} for route edits", directory);
        return started;
    }

    private void watch() {
        Set<String> changed = new LinkedHashSet<>();
        try {
            while (true) {
                WatchKey key = changed.isEmpty() ? watcher.take() : watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                if (key == null) {
                    changed.forEach(this::handle);
                    changed.clear();
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        changed.addAll(everyRouteFile());
                    } else if (RouteReload.isRouteFile((Path) event.context())) {
                        changed.add(event.context().toString());
                    }
                }
                if (!key.reset()) {
                    LOG.warn("{} is no longer watched (deleted or unmounted); route edits apply after a restart",
                            directory);
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // The service is stopping.
        }
    }

    private void handle(String name) {
        Path file = directory.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                reload.changed(file);
            } else {
                reload.deleted(name);
            }
        } catch (RuntimeException e) {
            // The watcher must outlive any one edit, or later edits would silently stop applying.
            LOG.error("routes/{}: reloading failed: {}", name, e.getMessage(), e);
        }
    }

    private Set<String> everyRouteFile() {
        try (Stream<Path> files = Files.list(directory)) {
            Set<String> names = new LinkedHashSet<>();
            files.filter(RouteReload::isRouteFile).forEach(file -> names.add(file.getFileName().toString()));
            return names;
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", directory, e.getMessage());
            return Set.of();
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
            thread.join(5000);
        } catch (IOException e) {
            LOG.warn("closing the route watcher: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
