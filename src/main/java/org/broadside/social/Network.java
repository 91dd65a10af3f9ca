package org.broadside.social;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The networks Broadside posts to, each with the length rule it applies unless configuration says otherwise. */
public enum Network {
    X(new XRule()),
    MASTODON(new MastodonRule()),
    BLUESKY(new BlueskyRule()),
    THREADS(new ThreadsRule()),
    LINKEDIN(new CharacterCountRule(3000)),
    FACEBOOK(new CharacterCountRule(63206));

    private final LengthRule defaultRule;

    Network(LengthRule defaultRule) {
        this.defaultRule = defaultRule;
    }

    /** The name used in configuration, templates and ledger rows, e.g. {@code mastodon}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LengthRule defaultRule() {
        return defaultRule;
    }

    /** Every network with its default rule, for callers that override only some (a Mastodon instance's limit). */
    public static Map<Network, LengthRule> defaultRules() {
        Map<Network, LengthRule> rules = new EnumMap<>(Network.class);
        for (Network network : values()) {
            rules.put(network, network.defaultRule());
        }
        return rules;
    }
}
