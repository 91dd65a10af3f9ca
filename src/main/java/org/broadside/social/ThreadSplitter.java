package org.broadside.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fits a text into at most {@code maxPosts} posts of one network.
 *
 * <p>A text whose rendered post fits stays one post, unnumbered. A longer one becomes a thread: each post ends in
 * {@code " 1/3"}, {@code " 2/3"}, …, and is filled as far as it goes, cut where {@link CutPoints} allows (at the
 * end of a sentence if one fits, else after a word with an ellipsis; never inside a word, a grapheme cluster, a
 * URL, a hashtag or a mention). Only the last post goes through the layout, so the link and hashtags come once,
 * where the template puts them, at the end of the thread.
 *
 * <p>When not even {@code maxPosts} posts hold the text, the last one takes what fits of the rest, cut at a
 * sentence if one fits, and still ends with the link: that post is the composer's ({@link PostComposer}), which
 * also drops hashtags (last first) when nothing fits beside them.
 *
 * <p>Relies, as the composer does, on a longer text never measuring shorter under the rule.
 */
public final class ThreadSplitter {
    private final PostComposer composer = new PostComposer();

    /**
     * @param maxPosts at least 1; 1 gives the composer's single, shortened post
     * @param language BCP 47 tag of the text, choosing where sentences and words end
     * @param hashtags without {@code #}, most important first
     * @throws PostTooLongException when a single word (or URL, or tag) is longer than a post, or the layout leaves
     *                              no room for any text
     */
    public PostThread split(Network network, LengthRule rule, int maxPosts, String language, String text,
                            List<String> hashtags, PostLayout layout) {
        if (maxPosts < 1) {
            throw new IllegalArgumentException(network.key() + ": a thread has at least 1 post, not " + maxPosts);
        }
        if (maxPosts == 1) {
            return new PostThread(network, language,
                    List.of(composer.compose(network, rule, language, text, hashtags, layout)));
        }
        String whole = layout.render(text, hashtags);
        if (rule.fits(whole)) {
            return new PostThread(network, language, List.of(post(network, rule, language, whole)));
        }
        Split split = new Split(network, rule, language, text, hashtags, layout);
        Filling filling = split.fill(maxPosts);
        List<String> posts = filling.wholeText() ? split.numbered(filling.parts()) : split.shortened(filling);
        return new PostThread(network, language,
                posts.stream().map(post -> post(network, rule, language, post)).toList());
    }

    private static Post post(Network network, LengthRule rule, String language, String text) {
        return new Post(network, language, text, rule.length(text), rule.limit());
    }

    /**
     * The parts a thread was filled with, before numbering.
     *
     * @param restStart where the last part starts, or the text that did not fit when not {@code wholeText}
     */
    private record Filling(List<String> parts, int restStart, boolean wholeText) {
    }

    /** One text being split for one network, with its cut points. */
    private final class Split {
        private final Network network;
        private final LengthRule rule;
        private final String language;
        private final String text;
        private final List<String> hashtags;
        private final PostLayout layout;
        private final CutPoints cuts;

        Split(Network network, LengthRule rule, String language, String text, List<String> hashtags,
              PostLayout layout) {
            this.network = network;
            this.rule = rule;
            this.language = language;
            this.text = text;
            this.hashtags = hashtags;
            this.layout = layout;
            this.cuts = CutPoints.in(text, language);
        }

        /**
         * Fills up to {@code count} posts, each as far as it goes, until the rest fits in the last one. Filling
         * greedily needs no more posts than any other split. Parts are measured numbered out of {@code count}, the
         * widest numbers the thread can have, and numbered again once the real count is known: one pass rather
         * than one per count (the X rule is slow), at the price of a post too many when numbering out of 10 or
         * more rather than 9 or fewer made the difference.
         */
        Filling fill(int count) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int number = 1; ; number++) {
                Optional<Cut> cut = longestPart(start, number, count);
                if (mayBeLast(number, cut) && rule.fits(last(text.substring(start), number, count))) {
                    parts.add(text.substring(start));
                    return new Filling(parts, start, true);
                }
                if (number == count) {
                    return new Filling(parts, start, false);
                }
                if (cut.isEmpty()) {
                    throw tooLong(start, number, count);
                }
                parts.add(cut.get().applyTo(text, start));
                start = cuts.nextStart(cut.get());
            }
        }

        /**
         * Whether the rest of the text could be the last post, before measuring all of it (the rest can be long,
         * and twitter-text takes ~20 ms per 1000 characters). It cannot when the longest part that fits as a middle
         * post stops short of the last cut: the last post, with its link and hashtags, would fit as a middle post
         * too, and then so would every part up to the last cut. The first post is never the last: the whole text
         * did not fit even unnumbered.
         */
        private boolean mayBeLast(int number, Optional<Cut> longestPart) {
            return number > 1 && longestPart.map(cuts::isLastOfItsKind).orElse(true);
        }

        /** The whole text's parts numbered out of their count, which never widens a number they were measured with. */
        List<String> numbered(List<String> parts) {
            int count = parts.size();
            List<String> posts = new ArrayList<>(count);
            for (int number = 1; number < count; number++) {
                posts.add(ThreadSplitter.numbered(parts.get(number - 1), number, count));
            }
            posts.add(last(parts.get(count - 1), count, count));
            return posts;
        }

        /** The full posts that were filled, then the composer's post of what fits of the rest, ending with the link. */
        List<String> shortened(Filling filling) {
            int count = filling.parts().size() + 1;
            List<String> posts = new ArrayList<>(count);
            for (int number = 1; number < count; number++) {
                posts.add(ThreadSplitter.numbered(filling.parts().get(number - 1), number, count));
            }
            String suffix = suffix(count, count);
            posts.add(composer.compose(network, rule, language, text.substring(filling.restStart()), hashtags,
                    (part, tags) -> layout.render(part + suffix, tags)).text());
            return posts;
        }

        private Optional<Cut> longestPart(int start, int number, int count) {
            return cuts.longestFrom(start, part -> rule.fits(ThreadSplitter.numbered(part, number, count)));
        }

        /** Not even the next word (or URL, or tag) fits in a post: no number of posts will hold the text. */
        private PostTooLongException tooLong(int start, int number, int count) {
            String shortest = cuts.shortestFrom(start).map(cut -> cut.applyTo(text, start))
                    .orElse(text.substring(start));
            return new PostTooLongException(network, rule, ThreadSplitter.numbered(shortest, number, count));
        }

        private String last(String part, int number, int count) {
            return layout.render(part + suffix(number, count), hashtags);
        }
    }

    private static String numbered(String part, int number, int count) {
        return part + suffix(number, count);
    }

    private static String suffix(int number, int count) {
        return " " + number + "/" + count;
    }
}
