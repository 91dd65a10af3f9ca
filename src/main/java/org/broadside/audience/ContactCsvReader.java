package org.broadside.audience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.broadside.audience.CsvRecord.Malformation;
import org.broadside.validation.Problem;
import org.broadside.validation.Quoted;
import org.broadside.validation.StrictUtf8;

/**
 * Reads a contacts CSV file (RFC 4180, UTF-8 with or without a byte order mark) into valid contacts and
 * located problems. It reports every bad row rather than stopping at the first, so that an operator fixes
 * a file in one pass; whether to import the valid rows is the caller's decision.
 *
 * <p>A problem with the file as a whole (too large, empty, a bad header) leaves no contacts at all, since
 * without a trustworthy header no row can be read.
 */
public final class ContactCsvReader {
    /** Large enough for any alliance's lists; small enough that reading a file into memory is safe. */
    static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final Doubt NO_DOUBT = contact -> Optional.empty();

    /** What is doubtful about a valid contact, though not wrong enough to refuse it; empty when nothing is. */
    @FunctionalInterface
    public interface Doubt {
        Optional<String> about(Contact contact);
    }

    /**
     * A file read with doubts about its valid rows.
     *
     * @param warnings the doubts, located like problems, by line; they refuse nothing
     */
    public record Reading(ContactFile file, List<Problem> warnings) {

        public Reading {
            warnings = List.copyOf(warnings);
        }

        static Reading refused(Problem problem) {
            return new Reading(ContactFile.refused(problem), List.of());
        }
    }

    public ContactFile read(Path file, String list) {
        return read(file, list, NO_DOUBT).file();
    }

    public Reading read(Path file, String list, Doubt doubt) {
        ListName.requireValid(list);
        String fileName = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return Reading.refused(tooLarge(fileName, size));
            }
            return read(fileName, Files.readAllBytes(file), list, doubt);
        } catch (NoSuchFileException e) {
            return Reading.refused(new Problem(fileName, 0, "no such file"));
        } catch (IOException e) {
            return Reading.refused(new Problem(fileName, 0, "cannot be read: " + e.getMessage()));
        }
    }

    /** Reads contents already in memory; {@code fileName} is how problems name the file. */
    public ContactFile read(String fileName, byte[] bytes, String list) {
        return read(fileName, bytes, list, NO_DOUBT).file();
    }

    private static Reading read(String fileName, byte[] bytes, String list, Doubt doubt) {
        ListName.requireValid(list);
        if (bytes.length > MAX_BYTES) {
            return Reading.refused(tooLarge(fileName, bytes.length));
        }
        FileReading reading = new FileReading(fileName, list, doubt, StrictUtf8.decode(bytes));
        ContactFile file = reading.result();
        return new Reading(file, reading.warnings);
    }

    private static Problem tooLarge(String fileName, long size) {
        return new Problem(fileName, 0, String.format(Locale.ROOT,
                "is %,d bytes, over the limit of %d MiB; split it into several imports",
                size, MAX_BYTES / (1024 * 1024)));
    }

    /** The state of reading one file. */
    private static final class FileReading {
        private final String fileName;
        private final String list;
        private final Doubt doubt;
        private final StrictUtf8.Decoded text;
        private final List<Contact> contacts = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final Map<String, Integer> firstLineOfAddress = new HashMap<>();

        FileReading(String fileName, String list, Doubt doubt, StrictUtf8.Decoded text) {
            this.fileName = fileName;
            this.list = list;
            this.doubt = doubt;
            this.text = text;
            text.malformedLines().forEach((line, message) -> problems.add(new Problem(fileName, line, message)));
        }

        ContactFile result() {
            List<CsvRecord> records = new CsvParser(text.text()).records();
            if (records.isEmpty()) {
                return finish(new Problem(fileName, 0, "no contacts: the file is empty"));
            }
            ContactHeader header = header(records.get(0));
            if (header == null) {
                return new ContactFile(List.of(), sorted(problems));
            }
            if (records.size() == 1) {
                return finish(new Problem(fileName, 0, "no contacts: the file has only a header"));
            }
            ContactRowReader rows = new ContactRowReader(header, list);
            records.subList(1, records.size()).forEach(record -> readRow(record, header, rows));
            return new ContactFile(contacts, sorted(problems));
        }

        private ContactFile finish(Problem problem) {
            problems.add(problem);
            return new ContactFile(List.of(), sorted(problems));
        }

        /** The header, or null when it is unusable and its problems have been added. */
        private ContactHeader header(CsvRecord record) {
            if (touchesMalformedUtf8(record)) {
                return null;
            }
            if (record.malformation() != null) {
                add(record, describe(record.malformation(), "column " + (record.malformation().field() + 1)));
                return null;
            }
            List<String> found = new ArrayList<>();
            ContactHeader header = ContactHeader.read(record.fields(), found);
            found.forEach(message -> add(record, message));
            return found.isEmpty() ? header : null;
        }

        private void readRow(CsvRecord record, ContactHeader header, ContactRowReader rows) {
            if (touchesMalformedUtf8(record)) {
                return;
            }
            if (record.malformation() != null) {
                add(record, describe(record.malformation(), fieldName(header, record.malformation().field())));
                return;
            }
            if (record.fields().size() != header.width()) {
                add(record, "expected " + header.width() + " fields as in the header, found " + record.fields().size());
                return;
            }
            ContactRowReader.Row row = rows.read(record.fields());
            row.problems().forEach(message -> add(record, message));
            if (row.address() != null) {
                Integer first = firstLineOfAddress.putIfAbsent(Contact.normalise(row.address()), record.line());
                if (first != null) {
                    add(record, "duplicate address " + Quoted.of(row.address()) + " (first at line " + first + ")");
                    return;
                }
            }
            if (row.contact() != null) {
                contacts.add(row.contact());
                doubt.about(row.contact()).ifPresent(message -> add(warnings, record, message));
            }
        }

        /** Such a row's problem is already reported on the line with the bad bytes. */
        private boolean touchesMalformedUtf8(CsvRecord record) {
            return !text.malformedLines().subMap(record.line(), record.lastLine() + 1).isEmpty();
        }

        private static String fieldName(ContactHeader header, int field) {
            return field < header.width() ? header.nameAt(field) : "field " + (field + 1);
        }

        private static String describe(Malformation malformation, String field) {
            return switch (malformation.kind()) {
                case QUOTE_IN_UNQUOTED_FIELD ->
                        field + " has a '\"' but is not quoted; quote the whole field and double the '\"'";
                case TEXT_AFTER_CLOSING_QUOTE -> field + " has text after its closing quote";
                case QUOTE_NEVER_CLOSED -> field + " opens a quote that is never closed";
            };
        }

        private void add(CsvRecord record, String message) {
            add(problems, record, message);
        }

        private void add(List<Problem> found, CsvRecord record, String message) {
            found.add(new Problem(fileName, record.line(), message));
        }

        private static List<Problem> sorted(List<Problem> problems) {
            return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
        }
    }
}
