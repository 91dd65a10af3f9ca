package org.broadside.audience;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadside.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCsvWriterTest {
    private final ContactCsvWriter writer = new ContactCsvWriter();

    private String csv(List<Contact> contacts) throws IOException {
        StringBuilder out = new StringBuilder();
        writer.write(contacts, out);
        return out.toString();
    }

    @Test
    void writesTheImportHeaderSortedListsAndRfc4180Quoting() throws IOException {
        Contact olga = new Contact("olga@kyiv.example", "Olga@Kyiv.example", "UA", "Union of Migrants, Kyiv",
                "Olga \"Olya\" K.", "uk", "Europe/Kyiv", Set.of("press", "board", "members"));

        assertThat(csv(List.of(olga))).isEqualTo(
                "email,country,organization,contact_name,language,timezone,lists\r\n"
                        + "Olga@Kyiv.example,UA,\"Union of Migrants, Kyiv\",\"Olga \"\"Olya\"\" K.\",uk,Europe/Kyiv,"
                        + "board;members;press\r\n");
    }

    @Test
    void defusesValuesASpreadsheetWouldRunAsFormulas() throws IOException {
        Contact hostile = new Contact("x@x.example", "x@x.example", "DE", "=HYPERLINK(\"http://evil.example\")",
                "@SUM(A1)", null, null, Set.of("members"));

        assertThat(csv(List.of(hostile))).endsWith(
                "x@x.example,DE,\"'=HYPERLINK(\"\"http://evil.example\"\")\",'@SUM(A1),,,members\r\n");
    }

    @Test
    void anExportImportsBackToTheSameContacts(@TempDir Path dir) throws IOException {
        List<Contact> original;
        String exported;
        try (Database first = TestDatabases.h2()) {
            ContactStore store = new ContactStore(first);
            Path file = Files.writeString(dir.resolve("people.csv"),
                    "email,country,organization,contact_name,language,timezone,lists\n"
                            + "Amal@Beirut.example,LB,جمعية المهاجرين,Amal Haddad,ar,Asia/Beirut,press\n"
                            + "kenji@tokyo.example,JP,移民ネットワーク東京,,ja,,\n"
                            + "olga@kyiv.example,UA,\"Union of Migrants, Kyiv\",\"Olga \"\"Olya\"\"\",uk,,board;press\n"
                            + "plus@x.example,DE,+Plus e.V.,-Dash-,,,\n",
                    UTF_8);
            new ContactImporter(store).importFile(file, "members", false);
            original = store.list(Optional.empty());
            exported = csv(original);
        }
        try (Database second = TestDatabases.h2()) {
            ContactStore store = new ContactStore(second);
            Path file = Files.writeString(dir.resolve("export.csv"), exported, UTF_8);

            new ContactImporter(store).importFile(file, "members", false);

            assertThat(store.list(Optional.empty())).isEqualTo(original);
        }
    }
}
