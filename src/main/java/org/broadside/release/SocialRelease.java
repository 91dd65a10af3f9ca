package org.broadside.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadside.render.Templates;
import org.broadside.social.LengthRule;
import org.broadside.social.Network;
import org.broadside.social.Post;
import org.broadside.social.PostLayout;
import org.broadside.social.SocialPosts;
import org.broadside.statement.Statement;

/**
 * The social side of a release: one post per network per language version, laid out by the operator's
 * template {@code social/post.ftl} and fitted to each network's length rule, written to
 * {@code <outbox>/<statement-id>/social.json} as a list of {@code {network, language, limit, posts, lengths}}.
 */
public final class SocialRelease {
    static final String TEMPLATE = "social/post.ftl";

    private final PinnedContent pinned;
    private final ReleaseStore releases;
    private final Templates templates;
    private final Map<Network, LengthRule> rules;
    private final Path outbox;
    private final SocialPosts socialPosts = new SocialPosts();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SocialRelease(PinnedContent pinned, ReleaseStore releases, Templates templates,
                         Map<Network, LengthRule> rules, Path outbox) {
        this.pinned = pinned;
        this.releases = releases;
        this.templates = templates;
        this.rules = Map.copyOf(rules);
        this.outbox = outbox;
    }

    /** Every post of a set of language versions: for the release, and for the preview before approval. */
    public List<Post> compose(List<Statement> versions) {
        List<Post> posts = new ArrayList<>();
        for (Statement version : versions) {
            posts.addAll(socialPosts.compose(version, rules, layout(version)));
        }
        return posts;
    }

    /**
     * Writes the release's posts once their time has come (with the first public copy) and its audience includes
     * social; only the first caller writes. Returns the release unchanged, for the route's next step.
     */
    public Release write(Release release) {
        List<Statement> versions = pinned.versions(release.id());
        Statement original = versions.get(0);
        if (original.reachesAudience(Audience.SOCIAL) && releases.claimSocial(release.id())) {
            writeJson(outbox.resolve(original.id()).resolve("social.json"), compose(versions));
        }
        return release;
    }

    private PostLayout layout(Statement version) {
        String link = version.link() == null ? "" : version.link().toString();
        return (text, hashtags) -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("text", text);
            model.put("link", link);
            model.put("hashtags", hashtags);
            model.put("language", version.language());
            return templates.render(TEMPLATE, model).strip();
        };
    }

    private void writeJson(Path file, List<Post> posts) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Post post : posts) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("network", post.network().key());
            entry.put("language", post.language());
            entry.put("limit", post.limit());
            entry.put("posts", List.of(post.text()));
            entry.put("lengths", List.of(post.length()));
            entries.add(entry);
        }
        try {
            Files.createDirectories(file.getParent());
            Path draft = Files.createTempFile(file.getParent(), ".social", ".json");
            json.writeValue(draft.toFile(), entries);
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
