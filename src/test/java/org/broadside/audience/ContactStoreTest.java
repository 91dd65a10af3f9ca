package org.broadside.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactStoreTest {
    private Database database;
    private ContactStore store;

    /** The embedded default; {@link ContactStoreOnPostgresTest} runs the same tests on PostgreSQL. */
    Database openDatabase() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void open() {
        database = openDatabase();
        store = new ContactStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Contact contact(String address, String country, String organization, String... lists) {
        return new Contact(Contact.normalise(address), address, country, organization, null, null, null, Set.of(lists));
    }

    private List<Contact> recipients(Set<String> lists) {
        List<Contact> recipients = new ArrayList<>();
        store.forEachRecipient(lists, recipients::add);
        return recipients;
    }

    @Test
    void theSameAddressOnTwoListsInDifferentCaseIsOneContactOnBoth() {
        store.importContacts(List.of(contact("Amal@Beirut.example", "LB", null, "members")));
        ImportResult second = store.importContacts(List.of(contact("amal@beirut.example", "LB", null, "press")));

        assertThat(second).isEqualTo(new ImportResult(0, 1, 0));
        assertThat(store.list(Optional.empty())).singleElement().satisfies(amal -> {
            assertThat(amal.email()).isEqualTo("amal@beirut.example");
            assertThat(amal.address()).isEqualTo("amal@beirut.example");
            assertThat(amal.lists()).containsExactlyInAnyOrder("members", "press");
        });
    }

    @Test
    void reimportUpdatesFieldsKeepsOtherListsAndCountsWhatChanged() {
        store.importContacts(List.of(
                contact("ana@x.example", "DE", "Old name", "members", "board"),
                contact("bo@x.example", "FR", null, "members")));

        ImportResult result = store.importContacts(List.of(
                contact("ana@x.example", "AT", "New name", "members"),
                contact("bo@x.example", "FR", null, "members"),
                contact("cy@x.example", "IT", null, "members")));

        assertThat(result).isEqualTo(new ImportResult(1, 1, 1));
        assertThat(store.list(Optional.of("board"))).singleElement().satisfies(ana -> {
            assertThat(ana.country()).isEqualTo("AT");
            assertThat(ana.organization()).isEqualTo("New name");
            assertThat(ana.lists()).containsExactlyInAnyOrder("members", "board");
        });
    }

    @Test
    void reimportDoesNotUndoASuppression() {
        store.importContacts(List.of(contact("ana@x.example", "DE", null, "members"),
                contact("bo@x.example", "DE", null, "members")));
        store.suppress("ANA@x.example", "bounce", "550 5.1.1 user unknown");

        store.importContacts(List.of(contact("Ana@X.example", "DE", "Renamed", "members", "press")));

        assertThat(store.isSuppressed("ana@x.example")).isTrue();
        assertThat(recipients(Set.of())).extracting(Contact::email).containsExactly("bo@x.example");
        assertThat(recipients(Set.of("press"))).isEmpty();
        assertThat(store.list(Optional.empty())).extracting(Contact::email)
                .containsExactly("ana@x.example", "bo@x.example");
    }

    @Test
    void suppressingTwiceKeepsTheFirstReason() {
        store.suppress("ana@x.example", "unsubscribe", null);
        store.suppress("ana@x.example", "bounce", "x".repeat(5000));

        assertThat(store.isSuppressed("Ana@x.example")).isTrue();
        assertThat(store.isSuppressed("bo@x.example")).isFalse();
        assertThat(TestDatabases.rows(database, "suppressions")).isOne();
    }

    @Test
    void forEachRecipientHandsOnEachPersonOnceForOverlappingListsOrderedByEmail() {
        store.importContacts(List.of(
                contact("cy@x.example", "IT", null, "press", "members"),
                contact("ana@x.example", "DE", null, "members"),
                contact("bo@x.example", "FR", null, "press", "board", "members"),
                contact("dan@x.example", "ES", null, "board")));

        assertThat(recipients(Set.of("press", "members", "board"))).extracting(Contact::email)
                .containsExactly("ana@x.example", "bo@x.example", "cy@x.example", "dan@x.example");
        assertThat(recipients(Set.of("press", "board"))).extracting(Contact::email)
                .containsExactly("bo@x.example", "cy@x.example", "dan@x.example");
        assertThat(recipients(Set.of("press"))).filteredOn(c -> c.email().equals("bo@x.example"))
                .singleElement().extracting(Contact::lists)
                .isEqualTo(Set.of("press", "board", "members"));
        assertThat(recipients(Set.of("nobody"))).isEmpty();
    }

    @Test
    void forEachRecipientStreamsMoreRowsThanOneFetch() {
        List<Contact> many = IntStream.range(0, 1_234)
                .mapToObj(i -> contact(String.format("member%04d@x.example", i), "DE", null, "members", "press"))
                .toList();
        store.importContacts(many);

        List<Contact> recipients = recipients(Set.of("members", "press"));

        assertThat(recipients).hasSize(1_234);
        assertThat(recipients).extracting(Contact::email).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void listsContactsOfOneListWithAllTheirListsAndNamesTheListsInUse() {
        store.importContacts(List.of(
                contact("bo@x.example", "FR", null, "press", "members"),
                contact("ana@x.example", "DE", null, "members")));

        assertThat(store.list(Optional.of("press"))).singleElement()
                .extracting(Contact::lists).isEqualTo(Set.of("press", "members"));
        assertThat(store.list(Optional.of("members"))).extracting(Contact::email)
                .containsExactly("ana@x.example", "bo@x.example");
        assertThat(store.list(Optional.of("nobody"))).isEmpty();
        assertThat(store.listNames()).containsExactly("members", "press");
    }
}
