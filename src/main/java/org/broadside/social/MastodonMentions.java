package org.broadside.social;

import com.twitter.twittertext.Regex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mentions as Mastodon's server finds them, {@code @user} and {@code @user@domain}; twitter-text alone
 * rejects the second form because a second {@code @} ends a Twitter mention.
 */
final class MastodonMentions {

    /** Account::MENTION_RE of Mastodon's app/models/account.rb; Ruby's [:word:] is Java's Unicode \w. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![=/\\w])@([a-zA-Z0-9_]+(?:[.-]+[a-zA-Z0-9_]+)*)(?:@\\w+(?:[.-]+\\w+)*)?",
            Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * @param start   offset of the {@code @}
     * @param end     offset after the domain, or after the user when there is none
     * @param userEnd offset after the user, which is all Mastodon counts
     */
    record Mention(int start, int end, int userEnd) {
    }

    private MastodonMentions() {
    }

    static List<Mention> in(String text) {
        List<Mention> mentions = new ArrayList<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            if (!followedByMentionEnd(text, matcher.end())) {
                mentions.add(new Mention(matcher.start(), matcher.end(), matcher.end(1)));
            }
        }
        return mentions;
    }

    /** Mastodon drops a match followed by another @, a Latin accent or "://", as twitter-text does. */
    private static boolean followedByMentionEnd(String text, int end) {
        return Regex.INVALID_MENTION_MATCH_END.matcher(text).region(end, text.length()).lookingAt();
    }
}
