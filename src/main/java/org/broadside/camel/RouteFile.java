package org.broadside.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceHelper;

/**
 * One route file as read at one moment: checked and loaded from the same text, so that an editor saving again
 * between the check and the load cannot slip an unchecked version into the running service.
 *
 * @param path the file's path
 * @param text its content, as UTF-8
 */
public record RouteFile(Path path, String text) {

    public static RouteFile read(Path path) throws IOException {
        return new RouteFile(path.toAbsolutePath().normalize(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** The name problems are reported under, as {@code broadside check} has always printed it. */
    public String name() {
        return path.getFileName().toString();
    }

    /** The location Camel knows the file's routes by: the same as camel-main gives them at start-up. */
    public String location() {
        return "file:" + path;
    }

    /** The text as a Camel resource, under the file's own location. */
    public Resource resource() {
        return ResourceHelper.fromString(location(), text);
    }

    public List<String> lines() {
        return text.lines().toList();
    }

    /**
     * The 1-based line at or after {@code fromLine} that contains {@code needle}, else the first such line
     * anywhere, else {@code fromLine}: where Camel knows only a definition's line, this finds the offending text.
     */
    public int lineOf(String needle, int fromLine) {
        List<String> lines = lines();
        int start = Math.max(fromLine, 1);
        for (int i = start - 1; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        for (int i = 0; i < Math.min(start - 1, lines.size()); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return fromLine;
    }

    /** Whether the file holds the same text as another reading of it (an editor saved without a change). */
    public boolean sameTextAs(RouteFile other) {
        return other != null && text.equals(other.text);
    }
}
