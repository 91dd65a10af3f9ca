package org.broadside.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.broadside.social.Network;
import org.broadside.social.Post;
import org.broadside.social.PostThread;
import org.broadside.social.PostTooLongException;
import org.broadside.social.ShareIntents;
import org.broadside.statement.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "share this" kit of a member email, as the templates' {@code share} variable: for the member's language
 * version, one entry per network, {@code {network, name, posts, intentUrl}}, where {@code posts} are the texts
 * (a thread's in reading order) and {@code intentUrl}, present only for networks that have one, opens the
 * network's composer with the first post.
 *
 * <p>The posts come from the same composition as {@code social.json}. A blast renders thousands of member
 * emails of a handful of versions, so each version's kit is composed once and kept (by id and content hash: a
 * version whose text changed is another version). Thread-safe.
 */
public final class ShareKit {
    /** For composers built without social posts: no member email carries a kit. */
    static final ShareKit NONE = new ShareKit(version -> List.of());

    private static final Logger LOG = LoggerFactory.getLogger(ShareKit.class);

    private final Function<Statement, List<PostThread>> threadsOf;
    private final Map<String, List<Map<String, Object>>> byVersion = new ConcurrentHashMap<>();

    /** @param threadsOf the posts of one language version, one thread per network, as the release writes them */
    public ShareKit(Function<Statement, List<PostThread>> threadsOf) {
        this.threadsOf = threadsOf;
    }

    /** The kit for one language version; empty when there are no posts for it. */
    public List<Map<String, Object>> of(Statement version) {
        return byVersion.computeIfAbsent(version.id() + "\u0000" + version.sha256(), key -> compose(version));
    }

    /**
     * A network that cannot take the statement at all (its post template leaves no room for text) fails the
     * social release and the preview, which report it; member emails still go out, without the kit.
     */
    private List<Map<String, Object>> compose(Statement version) {
        try {
            List<Map<String, Object>> kit = new ArrayList<>();
            for (PostThread thread : threadsOf.apply(version)) {
                kit.add(entry(thread));
            }
            return List.copyOf(kit);
        } catch (PostTooLongException e) {
            LOG.warn("member emails of {} ({}) go without the share kit: {}", version.id(), version.language(),
                    e.getMessage());
            return List.of();
        }
    }

    private static Map<String, Object> entry(PostThread thread) {
        List<String> posts = thread.posts().stream().map(Post::text).toList();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("network", thread.network().key());
        entry.put("name", name(thread.network()));
        entry.put("posts", posts);
        ShareIntents.compose(thread.network(), posts.get(0)).ifPresent(url -> entry.put("intentUrl", url));
        return entry;
    }

    private static String name(Network network) {
        return switch (network) {
            case X -> "X";
            case MASTODON -> "Mastodon";
            case BLUESKY -> "Bluesky";
            case THREADS -> "Threads";
            case LINKEDIN -> "LinkedIn";
            case FACEBOOK -> "Facebook";
        };
    }
}
