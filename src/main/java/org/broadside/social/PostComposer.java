package org.broadside.social;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Fits a text into one network's post. The whole text is used if the rendered post fits; otherwise the
 * longest whole-sentence prefix that fits, else the longest word prefix with an ellipsis. Hashtags go
 * (last first) only when not even the shortest cut fits beside them.
 */
public final class PostComposer {

    /**
     * @param language BCP 47 tag of the text, choosing where sentences and words end
     * @param hashtags without {@code #}, most important first
     * @throws PostTooLongException when the shortest cut, with no hashtags, still does not fit
     */
    public Post compose(Network network, LengthRule rule, String language, String text, List<String> hashtags,
                        PostLayout layout) {
        CutPoints cutPoints = null;
        for (int kept = hashtags.size(); kept >= 0; kept--) {
            List<String> tags = hashtags.subList(0, kept);
            Predicate<String> fits = candidate -> rule.fits(layout.render(candidate, tags));
            if (fits.test(text)) {
                return post(network, rule, language, layout.render(text, tags));
            }
            if (cutPoints == null) {
                // Found only now: most posts on most networks fit whole and never pay for the break iterators.
                cutPoints = CutPoints.in(text, language);
            }
            Optional<Cut> cut = cutPoints.longest(fits);
            if (cut.isPresent()) {
                return post(network, rule, language, layout.render(cut.get().applyTo(text), tags));
            }
        }
        String shortest = cutPoints.shortest().map(cut -> cut.applyTo(text)).orElse(text);
        throw new PostTooLongException(network, rule, layout.render(shortest, List.of()));
    }

    private static Post post(Network network, LengthRule rule, String language, String rendered) {
        return new Post(network, language, rendered, rule.length(rendered), rule.limit());
    }
}
