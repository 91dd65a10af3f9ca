package org.broadside.audience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.broadside.store.Database;
import org.broadside.store.Sql;
import org.broadside.validation.Quoted;

/**
 * Contacts, their list memberships and suppressions in the database. Every statement here runs unchanged
 * on the embedded H2 (PostgreSQL mode) and on PostgreSQL 15.
 *
 * <p>Suppressions live in their own table and no import writes to it, so re-importing a list cannot
 * resubscribe someone who bounced or unsubscribed.
 */
public final class ContactStore {
    /** Rows per round trip when streaming recipients: enough to amortise latency, small enough to keep memory flat. */
    private static final int FETCH_SIZE = 500;
    /** The width of {@code suppressions.reason} in the schema. */
    private static final int MAX_REASON_LENGTH = 40;
    /** The width of {@code suppressions.detail}; a bounce's diagnostic can be longer and is cut, not refused. */
    private static final int MAX_DETAIL_LENGTH = 1000;

    // Only when a field differs, so that updated_at and the "updated" count mean a real change;
    // IS DISTINCT FROM compares NULLs as values on both databases. Zero rows: absent or unchanged.
    private static final String UPDATE_CHANGED_CONTACT = """
            UPDATE contacts
               SET address = ?, country = ?, organization = ?, contact_name = ?, language = ?, timezone = ?,
                   updated_at = ?
             WHERE email = ?
               AND (address IS DISTINCT FROM ? OR country IS DISTINCT FROM ? OR organization IS DISTINCT FROM ?
                    OR contact_name IS DISTINCT FROM ? OR language IS DISTINCT FROM ? OR timezone IS DISTINCT FROM ?)
            """;

    // Runs after the update found nothing to change; DO NOTHING tells "unchanged" (0 rows) from "new" (1 row)
    // and is the one ON CONFLICT form H2 shares with PostgreSQL, unlike DO UPDATE or MERGE.
    private static final String INSERT_CONTACT = """
            INSERT INTO contacts (email, address, country, organization, contact_name, language, timezone, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    // Adds memberships and never removes one, so importing list B leaves a contact on list A.
    private static final String ADD_MEMBERSHIP = """
            INSERT INTO list_members (list_name, email) VALUES (?, ?)
            ON CONFLICT DO NOTHING
            """;

    // LEFT JOIN with one row per membership, ordered so ContactFolding can fold each person's rows as they pass.
    private static final String ALL_CONTACTS = "SELECT " + ContactFolding.COLUMNS + """
             FROM contacts c LEFT JOIN list_members m ON m.email = c.email
            ORDER BY c.email, m.list_name
            """;

    // Filters by membership in a subquery rather than the join, so each contact still brings all its lists.
    private static final String CONTACTS_ON_LIST = "SELECT " + ContactFolding.COLUMNS + """
             FROM contacts c LEFT JOIN list_members m ON m.email = c.email
            WHERE c.email IN (SELECT w.email FROM list_members w WHERE w.list_name = ?)
            ORDER BY c.email, m.list_name
            """;

    // DISTINCT and ORDER BY on one column: the set of lists in use, which no table holds on its own.
    private static final String LIST_NAMES = "SELECT DISTINCT list_name FROM list_members ORDER BY list_name";

    // DO NOTHING keeps the first reason and date, which say why the address was first stopped.
    private static final String SUPPRESS = """
            INSERT INTO suppressions (email, reason, detail, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    // A plain key lookup, selecting a constant because only existence matters.
    private static final String IS_SUPPRESSED = "SELECT 1 FROM suppressions WHERE email = ?";

    private static final String LIST_SIZES =
            "SELECT list_name, COUNT(*) AS members FROM list_members GROUP BY list_name ORDER BY list_name";

    // Newest first: the console shows the latest; a page at a time, as a long-running alliance collects many.
    private static final String SUPPRESSIONS = """
            SELECT email, reason, detail, created_at FROM suppressions
            ORDER BY created_at DESC, email LIMIT ? OFFSET ?""";

    private final Database database;

    public ContactStore(Database database) {
        this.database = database;
    }

    /** Stores all contacts or, if anything fails, none: one transaction. */
    public ImportResult importContacts(List<Contact> contacts) {
        Instant now = Instant.now();
        return database.inTransaction(connection -> {
            int added = 0;
            int updated = 0;
            for (Contact contact : contacts) {
                boolean changed = updateIfChanged(connection, contact, now);
                boolean inserted = !changed && insert(connection, contact, now);
                boolean joined = addMemberships(connection, contact);
                if (inserted) {
                    added++;
                } else if (changed || joined) {
                    updated++;
                }
            }
            return new ImportResult(added, updated, contacts.size() - added - updated);
        });
    }

    private static boolean updateIfChanged(Connection connection, Contact c, Instant now) throws SQLException {
        return Sql.update(connection, UPDATE_CHANGED_CONTACT,
                c.address(), c.country(), c.organization(), c.contactName(), c.language(), c.timezone(), now,
                c.email(),
                c.address(), c.country(), c.organization(), c.contactName(), c.language(), c.timezone()) > 0;
    }

    private static boolean insert(Connection connection, Contact c, Instant now) throws SQLException {
        return Sql.update(connection, INSERT_CONTACT,
                c.email(), c.address(), c.country(), c.organization(), c.contactName(), c.language(), c.timezone(),
                now) > 0;
    }

    private static boolean addMemberships(Connection connection, Contact contact) throws SQLException {
        int added = 0;
        for (String list : contact.lists()) {
            added += Sql.update(connection, ADD_MEMBERSHIP, list, contact.email());
        }
        return added > 0;
    }

    /** Everyone, or everyone on one list, ordered by email; suppressed contacts included, as this is for review. */
    public List<Contact> list(Optional<String> listName) {
        return database.inTransaction(connection -> {
            List<Contact> contacts = new ArrayList<>();
            ContactFolding folding = new ContactFolding(contacts::add);
            if (listName.isPresent()) {
                Sql.each(connection, CONTACTS_ON_LIST, folding, listName.get());
            } else {
                Sql.each(connection, ALL_CONTACTS, folding);
            }
            folding.finish();
            return contacts;
        });
    }

    public Set<String> listNames() {
        List<String> names = database.inTransaction(
                connection -> Sql.list(connection, LIST_NAMES, row -> row.getString("list_name")));
        return Collections.unmodifiableSet(new TreeSet<>(names));
    }

    /** Each list's name and number of members, by name. */
    public Map<String, Integer> listSizes() {
        return database.inTransaction(connection -> {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            Sql.each(connection, LIST_SIZES, row -> sizes.put(row.getString("list_name"), row.getInt("members")));
            return sizes;
        });
    }

    /** One suppressed address: why, and since when. */
    public record Suppression(String email, String reason, String detail, Instant since) {
    }

    /** A page of the suppression list, newest first. */
    public List<Suppression> suppressions(int limit, int offset) {
        return database.inTransaction(connection -> Sql.list(connection, SUPPRESSIONS,
                row -> new Suppression(row.getString("email"), row.getString("reason"), row.getString("detail"),
                        Sql.instant(row, "created_at")), limit, offset));
    }

    /** Stops all mail to an address; suppressing it again keeps the first reason. */
    public void suppress(String email, String reason, String detail) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("a suppression reason is a short word such as 'bounce', not "
                    + (reason == null ? "null" : Quoted.of(reason)));
        }
        String cutDetail = detail == null || detail.length() <= MAX_DETAIL_LENGTH
                ? detail
                : detail.substring(0, MAX_DETAIL_LENGTH);
        database.inTransaction(connection ->
                Sql.update(connection, SUPPRESS, Contact.normalise(email), reason, cutDetail, Instant.now()));
    }

    public boolean isSuppressed(String email) {
        return database.inTransaction(connection ->
                Sql.first(connection, IS_SUPPRESSED, row -> Boolean.TRUE, Contact.normalise(email)).isPresent());
    }

    /**
     * Hands each contact on any of {@code lists} (all lists when empty) to {@code each}, once per person
     * however many of the lists they are on, never a suppressed one, ordered by email, without holding them
     * all in memory. {@code each} runs inside a read transaction that holds a connection, so it should be
     * quick (hand the contact to a queue) rather than send mail itself.
     */
    public void forEachRecipient(Set<String> lists, Consumer<Contact> each) {
        String sql = recipientsOf(lists.size());
        ContactFolding folding = new ContactFolding(each);
        database.inTransaction(connection -> {
            // Forward-only with a fetch size, inside a transaction: the only combination in which both H2 and
            // the PostgreSQL driver stream rows instead of reading the whole result first.
            try (PreparedStatement statement =
                         connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                int parameter = 1;
                for (String list : lists) {
                    statement.setString(parameter++, list);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        folding.handle(rows);
                    }
                }
            }
            folding.finish();
            return null;
        });
    }

    /**
     * The distinct (country, timezone) pairs of the recipients on some lists who are on none of the excluded
     * lists: enough to know every zone a release reaches without reading every contact.
     *
     * @param lists    the wanted lists; empty means every list
     * @param excluded lists whose members are left out (the press, for the public zones)
     */
    public List<Contact> places(Set<String> lists, Set<String> excluded) {
        String wanted = lists.isEmpty() ? "" : " WHERE m.list_name IN (" + placeholders(lists.size()) + ")";
        String unwanted = excluded.isEmpty() ? "" : " AND c.email NOT IN (SELECT x.email FROM list_members x"
                + " WHERE x.list_name IN (" + placeholders(excluded.size()) + "))";
        // DISTINCT over two short columns: a few dozen rows for a release of any size. Uncorrelated IN subqueries,
        // which H2 runs once, where a correlated EXISTS over several lists ran once per contact.
        String sql = "SELECT DISTINCT c.country, c.timezone FROM contacts c"
                + " WHERE c.email IN (SELECT m.email FROM list_members m" + wanted + ")"
                + " AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email = c.email)" + unwanted;
        Object[] parameters = java.util.stream.Stream.concat(lists.stream(), excluded.stream()).toArray();
        return database.inTransaction(connection -> Sql.list(connection, sql,
                row -> new Contact("", "", row.getString("country"), null, null, null, row.getString("timezone"),
                        Set.of()), parameters));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    // The inner join keeps contacts on at least one list; IN (subquery) picks those on a wanted list without
    // multiplying rows, so each person comes once (H2 ran the correlated EXISTS with IN (?, ?) once per row,
    // quadratic: 422 s before the first message of a 20,000-recipient release to two lists); NOT EXISTS leaves out suppressed addresses. One placeholder
    // per list, because IN (?, ?) is portable where binding an array to = ANY(?) is not.
    private static String recipientsOf(int listCount) {
        String wanted = listCount == 0
                ? ""
                : "   AND c.email IN (SELECT w.email FROM list_members w WHERE w.list_name IN ("
                        + placeholders(listCount) + "))\n";
        return "SELECT " + ContactFolding.COLUMNS + """
                 FROM contacts c JOIN list_members m ON m.email = c.email
                WHERE NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email = c.email)
                """ + wanted + " ORDER BY c.email, m.list_name";
    }
}
