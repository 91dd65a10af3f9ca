package org.broadside.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The home's {@code data/} directory, created readable by its owner only: it holds the contacts and the ledger (the
 * embedded database), the signing key, and H2's lock file, which names the port and key of the local server through
 * which other processes share the database without a password. An existing directory keeps the permissions it was
 * given (an operator may have shared it with a group on purpose).
 */
public final class PrivateDirectory {
    private PrivateDirectory() {
    }

    public static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir); // elsewhere the parent's rights apply
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) { // a file in the way; a directory another process just made is fine
                throw e;
            }
        }
    }
}
