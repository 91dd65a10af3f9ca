package org.broadside.audience;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadside.store.Database;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactImporterTest {
    private static final String HEADER = "email,country,organization,contact_name,language,timezone,lists\n";
    private static final String VALID_ROW = "ana@alliance.example,DE,,,,,\n";

    @TempDir
    Path dir;

    private final Database database = TestDatabases.h2();
    private final ContactStore store = new ContactStore(database);
    private final ContactImporter importer = new ContactImporter(store);

    @AfterEach
    void close() {
        database.close();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("bo@x.example,XX,,,,,", "people.csv:3: country 'XX' is not an ISO 3166-1 alpha-2 code"),
                bad(",DE,,,,,", "people.csv:3: email is empty"),
                bad("bo@x.example,,,,,,", "people.csv:3: country is empty"),
                bad("\"Bo <bo@x.example>\",DE,,,,,", "people.csv:3: email 'Bo <bo@x.example>' has a display name;"
                        + " put the bare address here and the name in contact_name"),
                bad("\"team: bo@x.example;\",DE,,,,,", "people.csv:3: email 'team: bo@x.example;' is a group, not one address"),
                bad("\"bo@x.example, cy@x.example\",DE,,,,,",
                        "people.csv:3: email 'bo@x.example, cy@x.example' holds 2 addresses; give one per row"),
                bad("<bo@x.example>,DE,,,,,", "people.csv:3: email '<bo@x.example>' is not a bare address; write it as bo@x.example"),
                bad("bo,DE,,,,,", "people.csv:3: email 'bo' is not a valid address (Missing final '@domain')"),
                bad("bo@@x.example,DE,,,,,", "people.csv:3: email 'bo@@x.example' is not a valid address (Domain contains illegal character)"),
                bad("bo@localhost,DE,,,,,", "people.csv:3: email 'bo@localhost' has no dot in its domain 'localhost'"),
                bad("bo@x.example,DE,,,en_US,,", "people.csv:3: language 'en_US' is not a well-formed BCP 47 tag (did you mean 'en-US'?)"),
                bad("bo@x.example,DE,,,xx,,", "people.csv:3: language 'xx' is not a known language"),
                bad("bo@x.example,DE,,,,Europe/Berln,", "people.csv:3: timezone 'Europe/Berln' is not an IANA time zone (did you mean 'Europe/Berlin'?)"),
                bad("bo@x.example,DE,,,,europe/berlin,", "people.csv:3: timezone 'europe/berlin' is not an IANA time zone (did you mean 'Europe/Berlin'?)"),
                bad("bo@x.example,DE,,,,,press;Press Team",
                        "people.csv:3: lists: 'Press Team' is not a valid list name (" + ListName.RULE + ")"),
                bad("bo@x.example,DE,\"Acme\nLtd\",,,,", "people.csv:3: organization 'Acme\\nLtd' contains a line break, which no field may hold"),
                bad("bo@x.example,DE,\"Acme\rLtd\",,,,", "people.csv:3: organization 'Acme\\rLtd' contains a line break, which no field may hold"),
                bad("bo@x.example,DE,,\"Bo\n\",,,", "people.csv:3: contact_name 'Bo\\n' contains a line break, which no field may hold"),
                bad("bo@x.example,DE,Acme\u0007,,,,",
                        "people.csv:3: organization 'Acme\\u0007' contains the control character U+0007, which no field may hold"),
                bad("bo@x.example,DE,O\"Brien,,,,",
                        "people.csv:3: organization has a '\"' but is not quoted; quote the whole field and double the '\"'"),
                bad("bo@x.example,DE,\"Acme\"Ltd,,,,", "people.csv:3: organization has text after its closing quote"),
                bad("bo@x.example,DE,\"Acme,,,,", "people.csv:3: organization opens a quote that is never closed"),
                bad("bo@x.example,DE", "people.csv:3: expected 7 fields as in the header, found 2"),
                bad("bo@x.example,DE,,,,,,", "people.csv:3: expected 7 fields as in the header, found 8"),
                bad("ANA@Alliance.example,FR,,,,,", "people.csv:3: duplicate address 'ANA@Alliance.example' (first at line 2)"),
                file("email,organization\nana@x.example,Acme\n", "people.csv:1: missing required column 'country'"),
                file("emial,country\nana@x.example,DE\n", "people.csv:1: unknown column 'emial' (did you mean 'email'?)",
                        "people.csv:1: missing required column 'email'"),
                file("email,country,phone\nana@x.example,DE,1\n", "people.csv:1: unknown column 'phone'"
                        + " (the columns are email, country, organization, contact_name, language, timezone, lists)"),
                file("email,country,email\nana@x.example,DE,ana@x.example\n",
                        "people.csv:1: duplicate column 'email' (columns 1 and 3)"),
                file("email,,country\nana@x.example,,DE\n", "people.csv:1: column 2 has no name"),
                file("", "people.csv: no contacts: the file is empty"),
                file("\uFEFF\n\n", "people.csv: no contacts: the file is empty"),
                file(HEADER, "people.csv: no contacts: the file has only a header"));
    }

    private static Arguments bad(String row, String expected) {
        return Arguments.of(HEADER + VALID_ROW + row + "\n", List.of(expected));
    }

    private static Arguments file(String content, String... expected) {
        return Arguments.of(content, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void refusesTheWholeFileNamingEachBadLineAndStoresNothing(String content, List<String> expected) throws IOException {
        Path file = write("people.csv", content);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> importer.importFile(file, "members", false));

        assertThat(refused).isNotNull();
        assertThat(relative(refused.problems())).containsExactlyElementsOf(expected);
        assertTablesEmpty();
    }

    @Test
    void refusesInvalidUtf8NamingTheLine() throws IOException {
        Path file = dir.resolve("people.csv");
        byte[] start = (HEADER + VALID_ROW + "bo@x.example,DE,Caf").getBytes(UTF_8);
        byte[] end = ",,,,\n".getBytes(UTF_8);
        byte[] content = new byte[start.length + 1 + end.length];
        System.arraycopy(start, 0, content, 0, start.length);
        content[start.length] = (byte) 0xE9;
        System.arraycopy(end, 0, content, start.length + 1, end.length);
        Files.write(file, content);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> importer.importFile(file, "members", false));

        assertThat(relative(refused.problems())).containsExactly(
                "people.csv:3: not valid UTF-8 (byte 0xE9 at byte 20 of the line); save the file as UTF-8");
        assertTablesEmpty();
    }

    @Test
    void skipInvalidStoresTheValidRowsAndStillReportsTheBadOnes() throws IOException {
        Path file = write("people.csv", HEADER
                + "ana@x.example,DE,,,,,\n"
                + "bo@x.example,XX,,,,,\n"
                + "cy@x.example,SN,Association des Sénégalais,,fr,Africa/Dakar,\n"
                + "dan@x.example,DE,,,,Mars/Olympus,\n");

        ImportReport report = importer.importFile(file, "members", true);

        assertThat(report.result()).isEqualTo(new ImportResult(2, 0, 0));
        assertThat(relative(report.skipped())).containsExactly(
                "people.csv:3: country 'XX' is not an ISO 3166-1 alpha-2 code",
                "people.csv:5: timezone 'Mars/Olympus' is not an IANA time zone (for example 'Europe/Berlin')");
        assertThat(store.list(Optional.empty())).extracting(Contact::email)
                .containsExactly("ana@x.example", "cy@x.example");
    }

    @Test
    void skipInvalidStillRefusesAFileWithNoValidRow() throws IOException {
        Path file = write("people.csv", HEADER + "bo@x.example,XX,,,,,\n");

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> importer.importFile(file, "members", true));

        assertThat(relative(refused.problems())).containsExactly(
                "people.csv:2: country 'XX' is not an ISO 3166-1 alpha-2 code");
        assertTablesEmpty();
    }

    @Test
    void importsACleanFileAndReportsNothingSkipped() throws IOException {
        Path file = write("people.csv", HEADER + VALID_ROW + "bo@x.example,ES,Asociación Rumiñahui,,es,,press\n");

        ImportReport report = importer.importFile(file, "members", false);

        assertThat(report.result()).isEqualTo(new ImportResult(2, 0, 0));
        assertThat(report.skipped()).isEmpty();
        assertThat(store.listNames()).containsExactly("members", "press");
    }

    @Test
    void importsAContactWithoutTimezoneInACountryOfSeveralZonesButWarnsNamingTheDefaultUsed() throws IOException {
        Path file = write("people.csv", HEADER
                + "ana@x.example,DE,,,,,\n"
                + "bo@x.example,PH,,,,,\n"
                + "cy@x.example,US,,,,America/Chicago,\n"
                + "dan@x.example,US,,,,,\n"
                + "eva@x.example,ES,,,,,\n");
        ContactImporter inHongKong = new ContactImporter(store, ZoneId.of("Asia/Hong_Kong"));

        ImportReport report = inHongKong.importFile(file, "members", false);

        assertThat(report.result()).isEqualTo(new ImportResult(5, 0, 0));
        assertThat(relative(report.warnings())).containsExactly(
                "people.csv:5: country 'US' has several time zones (America/New_York, America/Chicago, …);"
                        + " add a timezone, until then Asia/Hong_Kong is used",
                "people.csv:6: country 'ES' has several time zones (Europe/Madrid, Atlantic/Canary);"
                        + " add a timezone, until then Asia/Hong_Kong is used");
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void withoutAConfiguredZoneTheWarningNamesUtc() throws IOException {
        Path file = write("people.csv", HEADER + VALID_ROW + "bo@x.example,US,,,,,\n");

        ImportReport report = importer.importFile(file, "members", false);

        assertThat(relative(report.warnings())).containsExactly(
                "people.csv:3: country 'US' has several time zones (America/New_York, America/Chicago, …);"
                        + " add a timezone, until then UTC is used");
    }

    @Test
    void skipInvalidWarnsOnlyAboutTheRowsItImports() throws IOException {
        Path file = write("people.csv", HEADER
                + "ana@x.example,US,,,,,\n"
                + "bo@x.example,US,,,,,press;Press Team\n");

        ImportReport report = importer.importFile(file, "members", true);

        assertThat(relative(report.skipped())).hasSize(1).allMatch(problem -> problem.startsWith("people.csv:3:"));
        assertThat(relative(report.warnings())).hasSize(1).allMatch(warning -> warning.startsWith("people.csv:2:"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, UTF_8);
    }

    /** Problems name the file as given, here a temporary path; the expectations read better without it. */
    private List<String> relative(List<Problem> problems) {
        return problems.stream().map(Problem::toString).map(p -> p.replace(dir + File.separator, "")).toList();
    }

    private void assertTablesEmpty() {
        assertThat(TestDatabases.rows(database, "contacts")).isZero();
        assertThat(TestDatabases.rows(database, "list_members")).isZero();
        assertThat(TestDatabases.rows(database, "suppressions")).isZero();
    }
}
