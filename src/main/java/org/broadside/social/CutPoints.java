package org.broadside.social;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.twitter.twittertext.Extractor;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The places where one text may be cut, found once and then searched for every limit and layout: ends of
 * sentences, else ends of words. None falls inside a grapheme cluster, a URL, a hashtag or a mention.
 *
 * <p>A later thread splitter reuses this: the end of the chosen cut is where the next part starts.
 */
final class CutPoints {
    private static final String ELLIPSIS = "…";

    /** After a URL the ellipsis gets a space: some linkifiers (Bluesky's) would take it into the link. */
    private static final String ELLIPSIS_AFTER_URL = " …";

    /** URLs with or without a scheme, hashtags, Twitter mentions and cashtags, as twitter-text finds them. */
    private static final Extractor ENTITIES = new Extractor();

    private final String text;
    private final List<Cut> sentenceEnds;
    private final List<Cut> wordEnds;

    private CutPoints(String text, List<Cut> sentenceEnds, List<Cut> wordEnds) {
        this.text = text;
        this.sentenceEnds = sentenceEnds;
        this.wordEnds = wordEnds;
    }

    /** @param language BCP 47 tag choosing the sentence and word rules (Thai, Chinese and Japanese need them) */
    static CutPoints in(String text, String language) {
        // ss=standard makes ICU ignore full stops after known abbreviations such as "Mr." when finding sentences.
        ULocale locale = ULocale.forLanguageTag(language).setKeywordValue("ss", "standard");
        List<Span> unbreakable = unbreakableSpans(text);
        BitSet safe = safeOffsets(text, unbreakable);
        return new CutPoints(text, sentenceEnds(text, locale, safe), wordEnds(text, locale, safe, unbreakable));
    }

    /**
     * The longest cut whose text passes {@code fits}: a whole sentence if any fits, else words and an ellipsis.
     * Whatever it returns has passed {@code fits}.
     */
    Optional<Cut> longest(Predicate<String> fits) {
        return longest(sentenceEnds, fits).or(() -> longest(wordEnds, fits));
    }

    /** The shortest cut there is, usually the first word; empty when the text has nowhere to cut. */
    Optional<Cut> shortest() {
        return Stream.concat(sentenceEnds.stream().limit(1), wordEnds.stream().limit(1))
                .min(Comparator.comparingInt(Cut::end));
    }

    /**
     * Gallops (cuts 0, 1, 3, 7, …) until one is too long, then bisects the last gap. That is about 2 log2(n)
     * measurements, none of a text much longer than the answer: measuring is not always linear (twitter-text
     * takes ~20 ms for 1000 characters), so measuring half of a long paragraph first would dominate.
     * Relies on a longer prefix never measuring shorter.
     */
    private Optional<Cut> longest(List<Cut> cuts, Predicate<String> fits) {
        int fitting = -1;
        int tooLong = cuts.size();
        int probe = 0;
        while (probe < tooLong) {
            if (fits.test(cuts.get(probe).applyTo(text))) {
                fitting = probe;
                probe = 2 * probe + 1;
            } else {
                tooLong = probe;
            }
        }
        while (tooLong - fitting > 1) {
            int middle = (fitting + tooLong) >>> 1;
            if (fits.test(cuts.get(middle).applyTo(text))) {
                fitting = middle;
            } else {
                tooLong = middle;
            }
        }
        return fitting < 0 ? Optional.empty() : Optional.of(cuts.get(fitting));
    }

    private record Span(int start, int end, boolean url) {
    }

    private static List<Span> unbreakableSpans(String text) {
        List<Span> spans = new ArrayList<>();
        for (Extractor.Entity entity : ENTITIES.extractEntitiesWithIndices(text)) {
            spans.add(new Span(entity.getStart(), entity.getEnd(), entity.getType() == Extractor.Entity.Type.URL));
        }
        for (MastodonMentions.Mention mention : MastodonMentions.in(text)) {
            spans.add(new Span(mention.start(), mention.end(), false));
        }
        return spans;
    }

    /** Offsets between grapheme clusters and outside every unbreakable span. */
    private static BitSet safeOffsets(String text, List<Span> unbreakable) {
        BitSet safe = new BitSet(text.length() + 1);
        for (int boundary : Graphemes.boundaries(text)) {
            safe.set(boundary);
        }
        for (Span span : unbreakable) {
            safe.clear(span.start() + 1, span.end());
        }
        return safe;
    }

    /** Sentence ends without their trailing spaces; the text's own end is not a cut. */
    private static List<Cut> sentenceEnds(String text, ULocale locale, BitSet safe) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(text);
        List<Cut> cuts = new ArrayList<>();
        for (int boundary = sentences.next(); boundary != BreakIterator.DONE && boundary < text.length();
                boundary = sentences.next()) {
            int end = withoutTrailingSpace(text, boundary);
            boolean later = cuts.isEmpty() || cuts.get(cuts.size() - 1).end() < end;
            if (end > 0 && later && safe.get(end)) {
                cuts.add(new Cut(end, ""));
            }
        }
        return cuts;
    }

    /**
     * Ends of words (letters, numbers, kana, ideographs; not punctuation or emoji) and of unbreakable spans,
     * which a word iterator would see as several words or none.
     */
    private static List<Cut> wordEnds(String text, ULocale locale, BitSet safe, List<Span> unbreakable) {
        TreeMap<Integer, String> markers = new TreeMap<>();
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(text);
        for (int boundary = words.next(); boundary != BreakIterator.DONE && boundary < text.length();
                boundary = words.next()) {
            if (words.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT && safe.get(boundary)) {
                markers.put(boundary, ELLIPSIS);
            }
        }
        for (Span span : unbreakable) {
            if (span.end() < text.length() && safe.get(span.end())) {
                markers.put(span.end(), span.url() ? ELLIPSIS_AFTER_URL : ELLIPSIS);
            }
        }
        List<Cut> cuts = new ArrayList<>(markers.size());
        markers.forEach((end, marker) -> cuts.add(new Cut(end, marker)));
        return cuts;
    }

    private static int withoutTrailingSpace(String text, int end) {
        while (end > 0 && UCharacter.isUWhiteSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return end;
    }
}
