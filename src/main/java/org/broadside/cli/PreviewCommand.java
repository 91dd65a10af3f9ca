package org.broadside.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.render.PreviewWriter;
import org.broadside.social.Post;
import org.broadside.social.PostThread;
import org.broadside.statement.Statement;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview", description = "Render a statement as members, journalists and social networks will see it "
        + "(works before approval; nothing is sent).")
public final class PreviewCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: <outbox>/<id>/preview).")
    Path outDir;

    @Override
    public Integer call() {
        try (App app = openApp()) {
            List<Statement> versions = app.statements().current(id);
            if (versions.isEmpty()) {
                throw new InvalidInputException(new Problem(id, 0, "no statement with this id has been submitted"));
            }
            Path dir = outDir != null ? outDir.toAbsolutePath()
                    : app.settings().path("broadside.outbox.dir").resolve(versions.get(0).id()).resolve("preview");
            PreviewWriter writer = app.previewWriter(versions);
            for (Path file : writer.write(versions, dir)) {
                out().println("wrote " + file);
            }
            for (PostThread thread : app.socialRelease().compose(versions)) {
                for (Post post : thread.posts()) {
                    out().println();
                    out().println("[" + post.network().key() + " " + post.language() + ", " + post.length() + "/"
                            + post.limit() + "]");
                    out().println(post.text());
                }
            }
            return 0;
        }
    }
}
