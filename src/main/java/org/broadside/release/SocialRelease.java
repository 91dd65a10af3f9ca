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
import org.broadside.social.PostThread;
import org.broadside.social.SocialPosts;
import org.broadside.statement.Statement;

/**
 * The social side of a release: one post or thread per network per language version, laid out by the
 * operator's template {@code social/post.ftl} and fitted to each network's length rule and longest thread,
 * written to {@code <outbox>/<statement-id>/social.json} as a list of {@code {network, language, limit, posts,
 * lengths}} (the posts of a thread in reading order). The member email's share kit shows the same texts.
 */
public final class SocialRelease {
    static final String TEMPLATE = "social/post.ftl";

    private final PinnedContent pinned;
    private final ReleaseStore releases;
    private final Templates templates;
    private final Map<Network, LengthRule> rules;
    private final Map<Network, Integer> maxPosts;
    private final Path outbox;
    private final SocialPosts socialPosts = new SocialPosts();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param maxPosts per network, the longest thread it may get; a network without an entry gets one post */
    public SocialRelease(PinnedContent pinned, ReleaseStore releases, Templates templates,
                         Map<Network, LengthRule> rules, Map<Network, Integer> maxPosts, Path outbox) {
        this.pinned = pinned;
        this.releases = releases;
        this.templates = templates;
        this.rules = Map.copyOf(rules);
        this.maxPosts = Map.copyOf(maxPosts);
        this.outbox = outbox;
    }

    /**
     * Every post of a set of language versions, one thread per network and version: for the release, the preview
     * before approval and the member email's share kit.
     */
    public List<PostThread> compose(List<Statement> versions) {
        List<PostThread> threads = new ArrayList<>();
        for (Statement version : versions) {
            threads.addAll(socialPosts.compose(version, rules, maxPosts, layout(version)));
        }
        return threads;
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

    private void writeJson(Path file, List<PostThread> threads) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PostThread thread : threads) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("network", thread.network().key());
            entry.put("language", thread.language());
            entry.put("limit", thread.posts().get(0).limit());
            entry.put("posts", thread.posts().stream().map(Post::text).toList());
            entry.put("lengths", thread.posts().stream().map(Post::length).toList());
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
