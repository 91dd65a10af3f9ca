package org.broadside.audience;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCsvReaderTest {
    private static final String HEADER = "email,country,organization,contact_name,language,timezone,lists\n";

    private final ContactCsvReader reader = new ContactCsvReader();

    private ContactFile read(String csv) {
        return reader.read("people.csv", csv.getBytes(UTF_8), "members");
    }

    private static List<String> messages(ContactFile file) {
        return file.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void readsMembersInSeveralCountriesScriptsAndLanguages() {
        ContactFile file = read(HEADER
                + "Amal@Alliance-Beirut.example,lb,جمعية المهاجرين,Amal Haddad,ar,Asia/Beirut,press;board\n"
                + "kenji@tokyo.example,JP,移民ネットワーク東京,,ja,,\n"
                + "olga@kyiv.example,UA,\"Union of Migrants, Kyiv\",Ольга,uk-UA,Europe/Kyiv,\n"
                + "rosa@lima.example,PE,,,es-419,,press\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.contacts()).containsExactly(
                new Contact("amal@alliance-beirut.example", "Amal@Alliance-Beirut.example", "LB", "جمعية المهاجرين",
                        "Amal Haddad", "ar", "Asia/Beirut", Set.of("members", "press", "board")),
                new Contact("kenji@tokyo.example", "kenji@tokyo.example", "JP", "移民ネットワーク東京",
                        null, "ja", null, Set.of("members")),
                new Contact("olga@kyiv.example", "olga@kyiv.example", "UA", "Union of Migrants, Kyiv",
                        "Ольга", "uk-UA", "Europe/Kyiv", Set.of("members")),
                new Contact("rosa@lima.example", "rosa@lima.example", "PE", null, null, "es-419", null,
                        Set.of("members", "press")));
    }

    @Test
    void acceptsByteOrderMarkCrLfCapitalisedHeaderSpacesAndTrailingEmptyLines() {
        ContactFile file = read("\uFEFFEmail , Country\r\n  ana@x.example , de \r\n\r\n\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.contacts()).extracting(Contact::email, Contact::country)
                .containsExactly(tuple("ana@x.example", "DE"));
    }

    @Test
    void storesLanguageTagsInCanonicalCaseAndKnowsLanguagesOnlyIcuNames() {
        ContactFile file = read("email,country,language\na@x.example,AF,prs\nb@x.example,BR,pt-br\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.contacts()).extracting(Contact::language).containsExactly("prs", "pt-BR");
    }

    @Test
    void countsPhysicalLinesAcrossAQuotedFieldThatSpansLines() {
        ContactFile file = read(HEADER
                + "ana@x.example,DE,,,,,\n"
                + "bo@x.example,DE,\"Acme\n"
                + "Ltd\",,,,\n"
                + "cy@x.example,XX,,,,,\n"
                + "dan@x.example,FR,,,,,\n");

        assertThat(messages(file)).containsExactly(
                "people.csv:3: organization 'Acme\\nLtd' contains a line break, which no field may hold",
                "people.csv:5: country 'XX' is not an ISO 3166-1 alpha-2 code");
        assertThat(file.contacts()).extracting(Contact::email).containsExactly("ana@x.example", "dan@x.example");
    }

    @Test
    void reportsEveryProblemOfARowAtOnce() {
        ContactFile file = read(HEADER + "bo,XX,,,klingonish,Mars/Olympus,Press Team\n");

        assertThat(messages(file)).containsExactly(
                "people.csv:2: email 'bo' is not a valid address (Missing final '@domain')",
                "people.csv:2: country 'XX' is not an ISO 3166-1 alpha-2 code",
                "people.csv:2: language 'klingonish' is not a well-formed BCP 47 tag",
                "people.csv:2: timezone 'Mars/Olympus' is not an IANA time zone (for example 'Europe/Berlin')",
                "people.csv:2: lists: 'Press Team' is not a valid list name (" + ListName.RULE + ")");
    }

    @Test
    void reportsInvalidUtf8OnItsLineAndReadsTheRest() {
        byte[] latin1 = (HEADER + "ana@x.example,FR,Caf\u00e9 Solidaire,,,,\nbo@x.example,FR,,,,,\n")
                .getBytes(ISO_8859_1);

        ContactFile file = reader.read("people.csv", latin1, "members");

        assertThat(messages(file)).containsExactly(
                "people.csv:2: not valid UTF-8 (byte 0xE9 at byte 21 of the line); save the file as UTF-8");
        assertThat(file.contacts()).extracting(Contact::email).containsExactly("bo@x.example");
    }

    @Test
    void removesTheApostropheTheExportPutsBeforeFormulaCharacters() {
        ContactFile file = read("email,country,organization\nana@x.example,DE,'+Plus Association\n");

        assertThat(file.contacts()).extracting(Contact::organization).containsExactly("+Plus Association");
    }

    @Test
    void refusesAnInvalidListArgumentNamingIt() {
        assertThatThrownBy(() -> reader.read("people.csv", HEADER.getBytes(UTF_8), "Press Team"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--list: 'Press Team' is not a valid list name (" + ListName.RULE + ")");
    }

    @Test
    void refusesAFileOverTheSizeCapWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ContactCsvReader.MAX_BYTES + 1);
        }

        ContactFile file = reader.read(huge, "members");

        assertThat(messages(file)).containsExactly(
                huge + ": is 52,428,801 bytes, over the limit of 50 MiB; split it into several imports");
        assertThat(file.contacts()).isEmpty();
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.csv");

        assertThat(messages(reader.read(missing, "members"))).containsExactly(missing + ": no such file");
    }
}
