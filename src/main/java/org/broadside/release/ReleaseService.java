package org.broadside.release;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadside.approval.Approvals;
import org.broadside.statement.ContentHash;
import org.broadside.audience.Contact;
import org.broadside.audience.ContactStore;
import org.broadside.dispatch.Ledger;
import org.broadside.dispatch.MessageIds;
import org.broadside.dispatch.NewDelivery;
import org.broadside.intake.StatementStore;
import org.broadside.intake.StoredStatement;
import org.broadside.render.Format;
import org.broadside.render.Languages;
import org.broadside.statement.Statement;
import org.broadside.store.Database;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/**
 * Opens a release: pins the approved versions, expands the audience into one ledger row per recipient
 * (each with the language version and format chosen for them), all in one transaction. Releasing the same
 * approved content again returns the release already opened, so nobody is mailed twice by a repeated command.
 */
public final class ReleaseService {
    public static final String EMAIL = "email";

    private final Database database;
    private final StatementStore statements;
    private final Approvals approvals;
    private final ContactStore contacts;
    private final ReleaseStore releases;
    private final Ledger ledger;
    private final MessageIds messageIds;
    private final Set<String> pressLists;
    private final Clock clock;

    public ReleaseService(Database database, StatementStore statements, Approvals approvals, ContactStore contacts,
                          ReleaseStore releases, Ledger ledger, MessageIds messageIds, Set<String> pressLists,
                          Clock clock) {
        this.database = database;
        this.statements = statements;
        this.approvals = approvals;
        this.contacts = contacts;
        this.releases = releases;
        this.ledger = ledger;
        this.messageIds = messageIds;
        this.pressLists = Set.copyOf(pressLists);
        this.clock = clock;
    }

    /** A release and whether this call opened it. */
    public record Opened(Release release, boolean created) {
    }

    /** The release that a route hands on to dispatch. */
    public Release openForDispatch(ReleaseRequest request) {
        return open(request).release();
    }

    /** Releases whose dispatch has not finished, oldest first. */
    public List<Release> inProgress() {
        return releases.inState(ReleaseState.DISPATCHING);
    }

    /** Marks a release done if every delivery has an outcome; returns it as it now stands. */
    public Release finish(Release release) {
        releases.finishIfComplete(release.id(), clock.instant());
        return releases.find(release.id()).orElseThrow();
    }

    /**
     * Opens the release of a statement's approved versions at {@code releaseAt}.
     *
     * @throws org.broadside.approval.NotApprovedException if any version is not approved as it stands
     */
    public Opened open(ReleaseRequest request) {
        String statementId = request.statementId();
        Instant releaseAt = request.releaseAt();
        List<StoredStatement> pinned = approvals.requireApproved(statementId);
        List<Statement> versions = pinned.stream().map(v -> statements.content(v, v.sha256())).toList();
        Statement original = versions.get(0);
        String contentKey = contentKey(pinned);
        Audience audience = Audience.of(original, pinned.get(0).sourceName(), contacts.listNames());
        return database.inTransaction(connection -> {
            var existing = releases.findByContent(original.id(), contentKey, connection);
            if (existing.isPresent()) {
                return new Opened(existing.get(), false);
            }
            Instant now = clock.instant();
            Release release = new Release(original.id() + "-" + contentKey.substring(0, 8), original.id(),
                    contentKey, ReleaseState.DISPATCHING, releaseAt, now, null);
            releases.insert(release, hashes(pinned), languages(pinned), connection);
            try (Ledger.Writer writer = ledger.writer(release.id(), connection)) {
                addDeliveries(release, audience, versions, writer);
            }
            return new Opened(release, true);
        });
    }

    /** One delivery per distinct recipient on the audience's lists; suppressed addresses are never listed. */
    private void addDeliveries(Release release, Audience audience, List<Statement> versions,
                               Ledger.Writer writer) {
        if (audience.mailsAnyone()) {
            contacts.forEachRecipient(audience.lists(), contact -> writer.add(delivery(release, contact, versions)));
        }
    }

    private NewDelivery delivery(Release release, Contact contact, List<Statement> versions) {
        Statement version = Languages.pick(versions, contact.language());
        Format format = contact.lists().stream().anyMatch(pressLists::contains) ? Format.PRESS : Format.MEMBER;
        return new NewDelivery(contact.email(), EMAIL, format, version.id(), contact.country(), contact.language(),
                messageIds.of(release.id(), contact.email()), release.releaseAt());
    }

    private static String contentKey(List<StoredStatement> pinned) {
        return ContentHash.of(pinned.stream().map(v -> v.id() + ":" + v.sha256()).sorted()
                .collect(Collectors.joining("\n")));
    }

    private static Map<String, String> hashes(List<StoredStatement> pinned) {
        Map<String, String> hashes = new LinkedHashMap<>();
        pinned.forEach(v -> hashes.put(v.id(), v.sha256()));
        return hashes;
    }

    private static Map<String, String> languages(List<StoredStatement> pinned) {
        Map<String, String> languages = new LinkedHashMap<>();
        pinned.forEach(v -> languages.put(v.id(), v.language()));
        return languages;
    }
}
