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
 * <p>The thread splitter cuts the same text again and again from later starts: the end of the chosen cut is
 * where the next part starts, once the spaces after it are skipped.
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
        return longestFrom(0, fits);
    }

    /**
     * As {@link #longest(Predicate)}, for the part of the text that starts at {@code start}: {@code fits} sees
     * the text from there to a cut, and only cuts after {@code start} are tried.
     */
    Optional<Cut> longestFrom(int start, Predicate<String> fits) {
        return longest(sentenceEnds, start, fits).or(() -> longest(wordEnds, start, fits));
    }

    /** Whether no sentence end, or no word end, comes after {@code cut}: what is left is the text's last part. */
    boolean isLastOfItsKind(Cut cut) {
        return isLast(sentenceEnds, cut) || isLast(wordEnds, cut);
    }

    private static boolean isLast(List<Cut> cuts, Cut cut) {
        return !cuts.isEmpty() && cuts.get(cuts.size() - 1).equals(cut);
    }

    /** Where the part after {@code cut} begins: past the spaces that separated the two. */
    int nextStart(Cut cut) {
        int start = cut.end();
        while (start < text.length() && UCharacter.isUWhiteSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        return start;
    }

    /** The shortest cut there is, usually the first word; empty when the text has nowhere to cut. */
    Optional<Cut> shortest() {
        return shortestFrom(0);
    }

    /** The first cut after {@code start}, usually the end of the next word; empty when there is none. */
    Optional<Cut> shortestFrom(int start) {
        return Stream.of(firstAfter(sentenceEnds, start), firstAfter(wordEnds, start))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Cut::end));
    }

    /**
     * Gallops (the 1st, 2nd, 4th, 8th, … cut after the start) until one is too long, then bisects the last gap.
     * That is about 2 log2(n) measurements, none of a text much longer than the answer: measuring is not always
     * linear (twitter-text takes ~20 ms for 1000 characters), so measuring half of a long paragraph first would
     * dominate.
     * Relies on a longer prefix never measuring shorter.
     */
    private Optional<Cut> longest(List<Cut> cuts, int start, Predicate<String> fits) {
        int first = firstEndingAfter(cuts, start);
        int fitting = first - 1;
        int tooLong = cuts.size();
        int step = 0;
        int probe = first;
        while (probe < tooLong) {
            if (fits.test(cuts.get(probe).applyTo(text, start))) {
                fitting = probe;
                step = 2 * step + 1;
                probe = first + step;
            } else {
                tooLong = probe;
            }
        }
        while (tooLong - fitting > 1) {
            int middle = (fitting + tooLong) >>> 1;
            if (fits.test(cuts.get(middle).applyTo(text, start))) {
                fitting = middle;
            } else {
                tooLong = middle;
            }
        }
        return fitting < first ? Optional.empty() : Optional.of(cuts.get(fitting));
    }

    private static Optional<Cut> firstAfter(List<Cut> cuts, int start) {
        int index = firstEndingAfter(cuts, start);
        return index < cuts.size() ? Optional.of(cuts.get(index)) : Optional.empty();
    }

    /** Index of the first cut ending after {@code start} (cuts are in order of their end), or the list's size. */
    private static int firstEndingAfter(List<Cut> cuts, int start) {
        int low = 0;
        int high = cuts.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cuts.get(middle).end() <= start) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
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
