package org.broadside.audience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.broadside.store.Sql;

/**
 * Folds the rows of contacts joined with their list memberships, ordered by email, into one {@link Contact}
 * per person, handing each on as soon as its last row has passed; so a stream of any length needs memory
 * for one contact only.
 */
final class ContactFolding implements Sql.RowHandler {
    static final String COLUMNS =
            "c.email, c.address, c.country, c.organization, c.contact_name, c.language, c.timezone, m.list_name";

    private final Consumer<Contact> each;
    private Contact pending;
    private final Set<String> pendingLists = new HashSet<>();

    ContactFolding(Consumer<Contact> each) {
        this.each = each;
    }

    @Override
    public void handle(ResultSet row) throws SQLException {
        String email = row.getString("email");
        if (pending != null && !pending.email().equals(email)) {
            finish();
        }
        if (pending == null) {
            pending = new Contact(email, row.getString("address"), row.getString("country"),
                    row.getString("organization"), row.getString("contact_name"), row.getString("language"),
                    row.getString("timezone"), Set.of());
        }
        String list = row.getString("list_name");
        if (list != null) {
            pendingLists.add(list);
        }
    }

    /** Hands on the last contact; call once after the last row. */
    void finish() {
        if (pending != null) {
            each.accept(new Contact(pending.email(), pending.address(), pending.country(), pending.organization(),
                    pending.contactName(), pending.language(), pending.timezone(), pendingLists));
            pending = null;
            pendingLists.clear();
        }
    }
}
