package org.broadside.release;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.broadside.approval.Approvals;
import org.broadside.audience.Contact;
import org.broadside.audience.ContactStore;
import org.broadside.dispatch.Ledger;
import org.broadside.dispatch.MessageIds;
import org.broadside.dispatch.NewDelivery;
import org.broadside.intake.StatementStore;
import org.broadside.intake.StoredStatement;
import org.broadside.render.Languages;
import org.broadside.schedule.Observances;
import org.broadside.schedule.PlannedDelivery;
import org.broadside.schedule.RecipientZones;
import org.broadside.schedule.ReleasePlanner;
import org.broadside.schedule.ReleaseTiming;
import org.broadside.schedule.ReleaseTriggers;
import org.broadside.statement.ContentHash;
import org.broadside.statement.Statement;
import org.broadside.store.Database;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/**
 * Opens and plans releases: pins the approved versions, expands the audience into one ledger row per
 * recipient — with the language version, format, zone and send time planned for them — all in one
 * transaction. The same approved content is released once: asking again plans the existing release anew
 * (its pending deliveries only), so nobody is mailed twice by a repeated command.
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
    private final Observances observances;
    private final RecipientZones zones;
    private final ZoneId defaultZone;
    private final Clock clock;

    public ReleaseService(Database database, StatementStore statements, Approvals approvals, ContactStore contacts,
                          ReleaseStore releases, Ledger ledger, MessageIds messageIds, Set<String> pressLists,
                          Observances observances, ZoneId defaultZone, Clock clock) {
        this.database = database;
        this.statements = statements;
        this.approvals = approvals;
        this.contacts = contacts;
        this.releases = releases;
        this.ledger = ledger;
        this.messageIds = messageIds;
        this.pressLists = Set.copyOf(pressLists);
        this.observances = observances;
        this.zones = new RecipientZones(defaultZone);
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** A release as planned, and whether this call opened it (rather than planning an existing one anew). */
    public record Opened(Release release, boolean created) {
    }

    /**
     * Opens the release of a statement's approved content with its deliveries planned, or plans the pending
     * deliveries of the release already opened for that content.
     *
     * @param at an instant that overrides the statement's release time for everyone (--at, --now)
     * @throws org.broadside.approval.NotApprovedException if any version is not approved as it stands
     */
    public Opened open(String statementId, Optional<Instant> at) {
        Pinned pinned = pin(statementId);
        Audience audience = Audience.of(pinned.original(), pinned.sourceName(), contacts.listNames());
        ReleasePlanner planner = planner(pinned.original(), audience, at);
        ReleaseTiming timing = planner.timing();
        Instant releaseAt = ReleaseTriggers.precision(timing.embargoLift());
        Instant socialAt = ReleaseTriggers.precision(timing.socialAt());
        return database.inTransaction(connection -> {
            Optional<Release> existing = releases.findByContent(pinned.original().id(), pinned.contentKey(), connection);
            if (existing.isPresent()) {
                // A finished release stays finished: only new content makes a new release.
                Release found = existing.get();
                return new Opened(found.state() == ReleaseState.DONE ? found : replan(found, planner, connection),
                        false);
            }
            Release release = new Release(pinned.original().id() + "-" + pinned.contentKey().substring(0, 8),
                    pinned.original().id(), pinned.contentKey(), ReleaseState.SCHEDULED, releaseAt,
                    clock.instant(), null, null, socialAt, false, null);
            releases.insert(release, pinned.hashes(), pinned.languages(), connection);
            try (Ledger.Writer writer = ledger.writer(release.id(), connection)) {
                forEachRecipient(audience, contact -> writer.add(delivery(release, contact, pinned.versions(),
                        planner.plan(contact, isPress(contact)))));
            }
            return new Opened(release, true);
        });
    }

    /**
     * A send time as it goes into the ledger: one already past when the release is planned (scheduled at 10:00
     * for 09:00 where the day began hours ago) is due at once rather than counted as a missed trigger.
     */
    private Instant notBeforeNow(Instant sendAt) {
        Instant now = clock.instant();
        return ReleaseTriggers.precision(sendAt.isBefore(now) ? now : sendAt);
    }

    /**
     * Refuses a plan whose every public send time has passed: a release time in the past is almost always a
     * mistake (last year's date), and sending it all at once must be asked for with release --now.
     */
    public void requireFuture(String statementId, Optional<Instant> at) {
        Pinned pinned = pin(statementId);
        Audience audience = Audience.of(pinned.original(), pinned.sourceName(), contacts.listNames());
        ReleaseTiming timing = planner(pinned.original(), audience, at).timing();
        Set<ZoneId> zonesReached = new HashSet<>(List.of(defaultZone));
        if (audience.mailsAnyone()) {
            contacts.places(audience.lists(), Set.of()).forEach(place -> zonesReached.add(zones.zoneOf(place)));
        }
        Instant last = zonesReached.stream().map(timing::publicInstant).max(Instant::compareTo).orElseThrow();
        if (!last.isAfter(clock.instant())) {
            throw new InvalidInputException(new Problem(pinned.sourceName(),
                    org.broadside.intake.KeyLine.of(pinned.original().source(), "release"),
                    "the release time has passed for every recipient (the last was " + last + "); schedule it with"
                            + " --at, or send it at once with release --now"));
        }
    }

    /** Every recipient's planned delivery, without storing anything (schedule --dry-run). */
    public void plan(String statementId, Optional<Instant> at, Consumer<PlannedDelivery> each) {
        Pinned pinned = pin(statementId);
        Audience audience = Audience.of(pinned.original(), pinned.sourceName(), contacts.listNames());
        ReleasePlanner planner = planner(pinned.original(), audience, at);
        forEachRecipient(audience, contact -> each.accept(planner.plan(contact, isPress(contact))));
    }

    /**
     * When the press embargo of a statement would lift if it were scheduled now, over its actual audience; empty
     * without an embargo. For previews, which may come before approval.
     */
    public Optional<Instant> embargoLift(Statement original, String sourceName) {
        if (original.pressEmbargo().isEmpty()) {
            return Optional.empty();
        }
        Audience audience = Audience.of(original, sourceName, contacts.listNames());
        return Optional.of(planner(original, audience, Optional.empty()).timing().embargoLift());
    }

    /** The instants the triggers of a release must fire at: each pending send time, and the social posts. */
    public List<Instant> triggerInstants(Release release) {
        Set<Instant> instants = new java.util.TreeSet<>(ledger.pendingInstants(release.id()));
        if (!release.socialDone() && release.socialAt() != null && pin(release.statementId()).original()
                .reachesAudience(Audience.SOCIAL)) {
            instants.add(release.socialAt());
        }
        return List.copyOf(instants);
    }

    /** The latest pending send time of a release that is not after {@code now}, if any. */
    public Optional<Instant> duePassed(Release release, Instant now) {
        return ledger.pendingInstants(release.id()).stream().filter(instant -> !instant.isAfter(now))
                .reduce((first, second) -> second);
    }

    /** Releases whose dispatch has begun and that no sender is working on now, oldest first. */
    public List<Release> inProgress() {
        return releases.unattended(clock.instant());
    }

    /** Marks a release done if every delivery has an outcome; returns it as it now stands. */
    public Release finish(Release release) {
        releases.finishIfComplete(release.id(), clock.instant());
        return releases.find(release.id()).orElseThrow();
    }

    /** The contact lists of a recipient that make them press. */
    public boolean isPress(Contact contact) {
        return contact.lists().stream().anyMatch(pressLists::contains);
    }

    private Release replan(Release release, ReleasePlanner planner, Connection connection) throws SQLException {
        ledger.replan(release.id(), contact -> {
            PlannedDelivery planned = planner.plan(contact, isPress(contact));
            return new Ledger.Replanned(notBeforeNow(planned.sendAt()), planned.zone().getId(),
                    planned.embargoUntil().map(lift -> lift.toInstant()).orElse(null));
        }, connection);
        releases.rescheduled(release.id(), ReleaseTriggers.precision(planner.timing().embargoLift()),
                ReleaseTriggers.precision(planner.timing().socialAt()), connection);
        return releases.find(release.id(), connection).orElseThrow();
    }

    /**
     * A planner for this release. The embargo lifts at the earliest public instant over the zones of the
     * public (non-press) recipients, so those zones come first: from the distinct places on the audience's
     * lists, not from a pass over every contact.
     */
    private ReleasePlanner planner(Statement original, Audience audience, Optional<Instant> at) {
        Set<ZoneId> publicZones = new HashSet<>();
        if (audience.mailsAnyone()) {
            contacts.places(audience.lists(), pressLists).forEach(place -> publicZones.add(zones.zoneOf(place)));
        }
        return new ReleasePlanner(new ReleaseTiming(original, at, defaultZone, observances, clock, publicZones), zones);
    }

    private void forEachRecipient(Audience audience, Consumer<Contact> each) {
        if (audience.mailsAnyone()) {
            contacts.forEachRecipient(audience.lists(), each);
        }
    }

    private NewDelivery delivery(Release release, Contact contact, List<Statement> versions, PlannedDelivery planned) {
        Statement version = Languages.pick(versions, contact.language());
        return new NewDelivery(contact.email(), EMAIL, planned.format(), version.id(), contact.country(),
                contact.language(), messageIds.of(release.id(), contact.email()), notBeforeNow(planned.sendAt()),
                planned.zone().getId(), planned.embargoUntil().map(lift -> lift.toInstant()).orElse(null));
    }

    /** The approved versions of a statement, the original first, with what identifies their content. */
    private record Pinned(List<StoredStatement> stored, List<Statement> versions) {
        Statement original() {
            return versions.get(0);
        }

        String sourceName() {
            return stored.get(0).sourceName();
        }

        String contentKey() {
            return ContentHash.of(stored.stream().map(v -> v.id() + ":" + v.sha256()).sorted()
                    .collect(Collectors.joining("\n")));
        }

        Map<String, String> hashes() {
            Map<String, String> hashes = new LinkedHashMap<>();
            stored.forEach(v -> hashes.put(v.id(), v.sha256()));
            return hashes;
        }

        Map<String, String> languages() {
            Map<String, String> languages = new LinkedHashMap<>();
            stored.forEach(v -> languages.put(v.id(), v.language()));
            return languages;
        }
    }

    private Pinned pin(String statementId) {
        List<StoredStatement> stored = approvals.requireApproved(statementId);
        return new Pinned(stored, stored.stream().map(v -> statements.content(v, v.sha256())).toList());
    }

    /** Refuses an id that names no release and no statement. */
    public Release releaseOf(String id) {
        return releases.find(id)
                .or(() -> statements.find(id).flatMap(s -> releases.latestOf(s.originalId())))
                .orElseThrow(() -> new InvalidInputException(new Problem(id, 0,
                        "no release of this id or statement (schedule or release it first)")));
    }
}
