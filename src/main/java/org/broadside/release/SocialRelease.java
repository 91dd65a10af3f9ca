package org.broadside.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadside.dispatch.NewPost;
import org.broadside.dispatch.PostLedger;
import org.broadside.render.Templates;
import org.broadside.social.LengthRule;
import org.broadside.social.Network;
import org.broadside.social.Post;
import org.broadside.social.PostLayout;
import org.broadside.social.PostTooLongException;
import org.broadside.social.PostThread;
import org.broadside.social.SocialPosts;
import org.broadside.statement.Statement;
import org.broadside.store.Database;

/**
 * The social side of a release: one post or thread per network per language version, laid out by the
 * operator's template {@code social/post.ftl} and fitted to each network's length rule and longest thread,
 * written to {@code <outbox>/<statement-id>/social.json} as a list of {@code {network, language, limit, posts,
 * lengths}} (the posts of a thread in reading order). The member email's share kit shows the same texts.
 * The posts for a network with a configured account (Mastodon, Bluesky) also become deliveries in the ledger,
 * one per post of each thread, which routes/social-post.yaml publishes.
 */
public final class SocialRelease {
    static final String TEMPLATE = "social/post.ftl";

    private final PinnedContent pinned;
    private final ReleaseStore releases;
    private final Templates templates;
    private final Map<Network, LengthRule> rules;
    private final Map<Network, Integer> maxPosts;
    private final Path outbox;
    private final Database database;
    private final PostLedger postLedger;
    private final Set<Network> postedNetworks;
    private final SocialPosts socialPosts = new SocialPosts();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param maxPosts       per network, the longest thread it may get; a network without an entry gets one post
     * @param postedNetworks the networks Broadside posts to itself (those with a configured account)
     */
    public SocialRelease(PinnedContent pinned, ReleaseStore releases, Templates templates,
                         Map<Network, LengthRule> rules, Map<Network, Integer> maxPosts, Path outbox,
                         Database database, PostLedger postLedger, Set<Network> postedNetworks) {
        this.pinned = pinned;
        this.releases = releases;
        this.templates = templates;
        this.rules = Map.copyOf(rules);
        this.maxPosts = Map.copyOf(maxPosts);
        this.outbox = outbox;
        this.database = database;
        this.postLedger = postLedger;
        this.postedNetworks = Set.copyOf(postedNetworks);
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
        Release current = releases.find(release.id()).orElse(release);
        if (!original.reachesAudience(Audience.SOCIAL) || current.socialDone()) {
            return release;
        }
        List<PostThread> threads;
        try {
            threads = compose(versions);
        } catch (PostTooLongException e) {
            // Released without its posts, as the preview warned: the claim is taken so that the release's emails
            // are not held back by a post that will never fit.
            releases.claimSocial(release.id());
            throw e;
        }
        // Composed before the transaction (the first composition may ask a Mastodon instance for its limits),
        // and added in the one that claims the posts, so that they are in the ledger exactly once.
        boolean claimed = database.inTransaction(connection -> {
            if (!releases.claimSocial(release.id(), connection)) {
                return false;
            }
            postLedger.add(release.id(), toPublish(threads, versions), current.socialAt(), connection);
            return true;
        });
        if (claimed) {
            writeJson(outbox.resolve(original.id()).resolve("social.json"), threads);
        }
        return release;
    }

    /** The posts Broadside publishes itself, numbered within their thread in reading order. */
    private List<NewPost> toPublish(List<PostThread> threads, List<Statement> versions) {
        Map<String, String> versionOfLanguage = new HashMap<>();
        versions.forEach(version -> versionOfLanguage.put(version.language(), version.id()));
        List<NewPost> published = new ArrayList<>();
        for (PostThread thread : threads) {
            if (postedNetworks.contains(thread.network())) {
                for (int index = 0; index < thread.posts().size(); index++) {
                    published.add(new NewPost(thread.network(), versionOfLanguage.get(thread.language()),
                            thread.language(), index + 1, thread.posts().get(index).text()));
                }
            }
        }
        return published;
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
