package org.broadside.social.mastodon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.broadside.social.LengthRule;
import org.broadside.social.MastodonRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon's length rule with the limits the instance itself reports, read on first use (a command that posts
 * nothing never calls the instance) and kept for the life of the process, since an instance's limits change with
 * its administrator's configuration, not from one post to the next.
 *
 * <p>When the instance cannot be reached, posts are fitted to {@code broadside.mastodon.max-characters} and the
 * instance is asked again a minute later: the release's emails and social.json must not wait for a Mastodon
 * outage, and a post that then turns out too long is refused with Mastodon's reason in the report.
 */
final class InstanceLengthRule implements LengthRule {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceLengthRule.class);
    private static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(1);

    private final Supplier<MastodonRule> instance;
    private final MastodonRule configured;
    private final Clock clock;
    private MastodonRule reported;
    private Instant askAgainAt = Instant.MIN;

    InstanceLengthRule(Supplier<MastodonRule> instance, MastodonRule configured, Clock clock) {
        this.instance = instance;
        this.configured = configured;
        this.clock = clock;
    }

    @Override
    public int length(String text) {
        return current().length(text);
    }

    @Override
    public int limit() {
        return current().limit();
    }

    @Override
    public String describe() {
        return current().describe();
    }

    /** The composer asks for the length many times per post: the instance is asked at most once a minute. */
    synchronized MastodonRule current() {
        if (reported != null) {
            return reported;
        }
        Instant now = clock.instant();
        if (now.isBefore(askAgainAt)) {
            return configured;
        }
        try {
            reported = instance.get();
            LOG.info("Mastodon instance allows {}", reported.describe());
            return reported;
        } catch (MastodonInstance.InstanceUnavailableException e) {
            askAgainAt = now.plus(ASK_AGAIN_AFTER);
            LOG.warn("cannot read the Mastodon instance's limits ({}); fitting posts to broadside.mastodon"
                    + ".max-characters ({}) for now", e.getMessage(), configured.describe());
            return configured;
        }
    }
}
