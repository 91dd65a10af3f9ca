package org.broadside.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.OperatorYaml;
import org.broadside.validation.Problem;
import org.broadside.validation.Quoted;
import org.broadside.validation.StrictUtf8;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code config/observances.yaml}, a mapping of observance names to {@code MM-DD} dates, or refuses it
 * with every problem located by line. Read as a YAML node tree, as statements are, so that every entry keeps
 * its line and a date stays the text that was written.
 */
public final class ObservancesFile {
    /** Names appear in statements as {@code release: international-migrants-day 09:00}. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<month>[0-9]{2})-(?<day>[0-9]{2})");
    /** A limit the file exceeds concerns the file as a whole, which a {@link Problem} shows as line 0. */
    private static final int WHOLE_FILE = 0;

    private final String fileName;
    private final String text;
    private final int[] lineFeedPositions;
    private final List<Problem> problems = new ArrayList<>();

    private ObservancesFile(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        int[] codePoints = text.codePoints().toArray();
        this.lineFeedPositions = IntStream.range(0, codePoints.length).filter(i -> codePoints[i] == '\n').toArray();
    }

    /**
     * A missing file is refused rather than read as no observances, so that a home set up without it, or a
     * mistyped path, is noticed when it is loaded and not when a statement names a day.
     *
     * @throws InvalidInputException when the file is missing or is not a valid list of observances
     * @throws UncheckedIOException  when the file exists but cannot be read
     */
    public static Observances load(Path file) {
        String fileName = file.toString();
        String text = decode(fileName, read(file, fileName));
        return new ObservancesFile(fileName, text).observances();
    }

    private static byte[] read(Path file, String fileName) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(fileName, 0, "no such file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As for statements, the first bad line is enough: saving the file as UTF-8 fixes them all. */
    private static String decode(String fileName, byte[] content) {
        StrictUtf8.Decoded decoded = StrictUtf8.decode(content);
        if (!decoded.isValid()) {
            int firstLine = decoded.malformedLines().firstKey();
            throw new InvalidInputException(new Problem(fileName, firstLine, decoded.malformedLines().get(firstLine)));
        }
        return decoded.text();
    }

    /** A file of comments only has no observances, and is valid: the operator has said so. */
    private Observances observances() {
        Map<String, MonthDay> dates = new OperatorYaml("file", this::lineAt, WHOLE_FILE, this::add).compose(text)
                .map(this::dates)
                .orElse(Map.of());
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::line));
            throw new InvalidInputException(problems);
        }
        return new Observances(dates);
    }

    /** The dates of the valid entries; every invalid one is reported. */
    private Map<String, MonthDay> dates(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            add(lineOf(root), "file must be 'name: MM-DD' lines, not " + describe(root));
            return Map.of();
        }
        Map<String, MonthDay> dates = new HashMap<>();
        Map<String, Integer> firstLines = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            int line = lineOf(entry.getKeyNode());
            Optional<String> name = name(entry.getKeyNode(), line);
            if (name.isEmpty()) {
                continue;
            }
            Integer firstLine = firstLines.putIfAbsent(name.get(), line);
            if (firstLine != null) {
                add(line, "duplicate observance '" + name.get() + "' (first at line " + firstLine + ")");
                continue;
            }
            date(name.get(), entry.getValueNode(), line).ifPresent(date -> dates.put(name.get(), date));
        }
        return dates;
    }

    private Optional<String> name(Node key, int line) {
        if (!(key instanceof ScalarNode scalar)) {
            add(line, "an observance name must be a single value, not " + describe(key));
            return Optional.empty();
        }
        if (!NAME.matcher(scalar.getValue()).matches()) {
            add(line, "observance name " + Quoted.of(scalar.getValue())
                    + " must be lower-case letters, digits and '-', starting with a letter");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** Any day of the year, 02-29 included: {@link Observances#next} moves it to 28 February in other years. */
    private Optional<MonthDay> date(String name, Node value, int line) {
        if (!(value instanceof ScalarNode scalar)) {
            add(line, name + " date must be a single value, not " + describe(value));
            return Optional.empty();
        }
        if (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isBlank()) {
            add(line, name + " date is empty");
            return Optional.empty();
        }
        Optional<MonthDay> date = monthDay(scalar.getValue());
        if (date.isEmpty()) {
            add(line, name + " date " + Quoted.of(scalar.getValue()) + " is not a date written MM-DD, e.g. 12-18");
        }
        return date;
    }

    private static Optional<MonthDay> monthDay(String written) {
        Matcher monthDay = MONTH_DAY.matcher(written);
        if (!monthDay.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.of(
                    Integer.parseInt(monthDay.group("month")), Integer.parseInt(monthDay.group("day"))));
        } catch (DateTimeException notADayOfTheYear) {
            return Optional.empty();
        }
    }

    private void add(int line, String message) {
        problems.add(new Problem(fileName, line, message));
    }

    private int lineOf(Node node) {
        return node.getStartMark().map(mark -> lineAt(mark.getIndex())).orElse(1);
    }

    /**
     * The 1-based line of a position, which snakeyaml counts in code points. Lines are counted by LF only,
     * as the operator's editor and the statement parser count them; snakeyaml also ends a line at a lone CR.
     */
    private int lineAt(int position) {
        int found = Arrays.binarySearch(lineFeedPositions, position);
        return 1 + (found >= 0 ? found : -found - 1);
    }

    private static String describe(Node node) {
        return switch (node.getNodeType()) {
            case SCALAR -> "a single value";
            case SEQUENCE -> "a list";
            case MAPPING -> "a mapping";
            case ANCHOR -> "an anchor";
        };
    }
}
