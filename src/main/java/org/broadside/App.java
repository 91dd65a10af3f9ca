package org.broadside;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.broadside.approval.Approvals;
import org.broadside.audience.ContactStore;
import org.broadside.bounce.BounceMailbox;
import org.broadside.bounce.BounceProcessor;
import org.broadside.camel.BodyCalls;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.broadside.dispatch.BounceAddresses;
import org.broadside.dispatch.Delivery;
import org.broadside.dispatch.Ledger;
import org.broadside.dispatch.MessageIds;
import org.broadside.dispatch.DispatchThreads;
import org.broadside.dispatch.RetryPolicy;
import org.broadside.dispatch.Senders;
import org.broadside.dispatch.Throttle;
import org.broadside.dispatch.ThrottleSettings;
import org.broadside.release.AutoPause;
import org.broadside.release.DispatchGate;
import org.broadside.dispatch.OutboxTransport;
import org.broadside.dispatch.OutgoingEmail;
import org.broadside.dispatch.SmtpSettings;
import org.broadside.dispatch.SmtpTransport;
import org.broadside.dispatch.UnsubscribeLinks;
import org.broadside.dkim.DkimSigner;
import org.broadside.intake.StatementStore;
import org.broadside.intake.Submission;
import org.broadside.release.EmailRendering;
import org.broadside.release.PinnedContent;
import org.broadside.release.ReleaseService;
import org.broadside.release.ReleaseStore;
import org.broadside.release.SocialRelease;
import org.broadside.render.EmailComposer;
import org.broadside.render.MailIdentity;
import org.broadside.render.ShareKit;
import org.broadside.render.Templates;
import org.broadside.security.SignedTokens;
import org.broadside.security.SigningKey;
import org.broadside.dispatch.PostLedger;
import org.broadside.dispatch.PostPublisher;
import org.broadside.social.LengthRule;
import org.broadside.social.MastodonRule;
import org.broadside.social.Network;
import org.broadside.social.SocialAccount;
import org.broadside.social.bluesky.BlueskyAccount;
import org.broadside.social.mastodon.MastodonAccount;
import org.broadside.statement.StatementParser;
import org.broadside.store.Database;
import org.broadside.web.UnsubscribePages;
import org.broadside.release.Release;
import org.broadside.release.ReleaseControl;
import org.broadside.release.TriggerDecision;
import org.broadside.schedule.Observances;
import org.broadside.schedule.ObservancesFile;
import org.broadside.schedule.ReleaseTriggers;
import java.time.Instant;
import org.broadside.statement.Statement;
import org.broadside.render.PreviewWriter;
import java.util.Optional;
import java.util.List;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every part of Broadside built from one home's settings: the composition root shared by the CLI commands,
 * the service and the tests. Opening it opens (and migrates) the database; closing it closes what it opened.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    static {
        // Jakarta Mail looks up its stream provider afresh for every body part it encodes, through a ServiceLoader
        // scan of the whole class path unless this property names it (jakartaee/mail-api#861): a quarter to a third
        // of the CPU of a blast went there. Naming Angus's provider makes the lookup one Class.forName.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final StatementParser parser;
    private final StatementStore statements;
    private final Approvals approvals;
    private final Submission submission;
    private final ContactStore contacts;
    private final ReleaseStore releases;
    private final Ledger ledger;
    private final ReleaseService releaseService;
    private final Templates templates;
    private final EmailComposer composer;
    private final EmailRendering emailRendering;
    private final SocialRelease socialRelease;
    private final PostLedger postLedger;
    private final PostPublisher postPublisher;
    private final OutboxTransport outboxTransport;
    private final SmtpTransport smtpTransport;
    private final Senders senders;
    private final Throttle throttle;
    private final DispatchGate dispatchGate;
    private final java.util.concurrent.ExecutorService dispatchThreads;
    private final DkimSigner dkimSigner;
    private final UnsubscribeLinks unsubscribe;
    private final BounceAddresses bounceAddresses;
    private final Observances observances;
    private final ZoneId defaultZone;
    private final TriggerDecision triggerDecision;
    private final ReleaseControl releaseControl;
    private ReleaseTriggers triggers;
    private boolean closed;
    /**
     * On Ctrl-C or SIGTERM: stop sending at once and let the messages in flight finish. H2 closes its database
     * in its own shutdown hook (it cannot be kept open in auto-server mode), so without this the sending threads
     * went on mailing after their outcomes could no longer be recorded, and all of those were sent again after a
     * restart. Now only what is in flight (one message per connection) can be; the rest is back in the queue or
     * still claimed by this process, which the next sender takes back at once (its process is gone).
     */
    private final Thread stopOnExit = new Thread(this::stopSending, "broadside-stop");
    /** Where a fired trigger's release goes: set by the service to its pipeline's release-due route. */
    private volatile Consumer<Release> dueDispatch =
            release -> LOG.warn("release {} is due, but no pipeline runs in this process", release.id());

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        checkTransport(settings);
        BounceMailbox.check(settings);
        MailIdentity identity = mailIdentity(settings);
        this.dkimSigner = DkimSigner.from(settings, identity.from(), clock);
        this.defaultZone = zone(settings, "broadside.release.default-zone");
        this.observances = ObservancesFile.load(settings.home().resolve("config").resolve("observances.yaml"));
        this.database = Database.open(settings);
        try {
            this.parser = new StatementParser(settings.integer("broadside.statement.max-bytes"), observances.names());
            this.statements = new StatementStore(database, parser, clock);
            this.approvals = new Approvals(database, statements, clock);
            this.submission = new Submission(database, parser, statements, approvals);
            this.contacts = new ContactStore(database);
            this.releases = new ReleaseStore(database);
            this.senders = new Senders(database, clock, settings.duration("broadside.dispatch.sender-timeout"));
            this.ledger = new Ledger(database, clock, senders,
                    new RetryPolicy(settings.duration("broadside.dispatch.retry-base"),
                            settings.duration("broadside.dispatch.retry-max-age")),
                    new AutoPause(releases, settings.integer("broadside.dispatch.pause-after-failures"),
                            this::holdDispatch),
                    // Sent outcomes go through a journal beside the embedded database: an H2 commit per email
                    // cost more CPU than the email. A database server gets a commit per outcome (or per group).
                    Database.embeddedDirectory(settings).map(data -> data.resolve("outcome-journal")));
            MessageIds messageIds = new MessageIds(domainOf(identity.from()));
            this.releaseService = new ReleaseService(database, statements, approvals, contacts, releases, ledger,
                    messageIds, new LinkedHashSet<>(settings.list("broadside.press.lists")), observances,
                    defaultZone, clock);
            this.triggerDecision = new TriggerDecision(releases, settings.duration("broadside.schedule.grace"), clock);
            this.releaseControl = new ReleaseControl(releaseService, releases, this::triggers, clock);
            this.templates = new Templates(settings.home().resolve("templates"));
            PinnedContent pinned = new PinnedContent(releases, statements);
            Path outbox = settings.path("broadside.outbox.dir");
            Map<Network, SocialAccount> accounts = socialAccounts(settings, clock);
            this.postLedger = new PostLedger(database, clock, senders);
            this.postPublisher = new PostPublisher(accounts);
            this.socialRelease = new SocialRelease(pinned, releases, templates, socialRules(settings, accounts),
                    longestThreads(settings), outbox, database, postLedger, accounts.keySet());
            this.composer = new EmailComposer(templates, Session.getInstance(new Properties()), identity,
                    new ShareKit(version -> socialRelease.compose(List.of(version))));
            SignedTokens tokens = new SignedTokens(SigningKey.load(settings));
            this.unsubscribe = new UnsubscribeLinks(tokens,
                    settings.require("broadside.public-url"), settings.require("broadside.unsubscribe.mailto"));
            this.bounceAddresses = new BounceAddresses(tokens, settings.find("broadside.bounce.address").orElse(null));
            this.emailRendering = new EmailRendering(pinned, composer, unsubscribe, bounceAddresses, clock);
            this.outboxTransport = new OutboxTransport(outbox);
            this.throttle = new Throttle(ThrottleSettings.from(settings), clock);
            throttle.longestWindow().ifPresent(window ->
                    ledger.forEachSentSince(clock.instant().minus(window), throttle::seed));
            SmtpSettings smtp = SmtpSettings.from(settings);
            this.smtpTransport = new SmtpTransport(smtp, throttle);
            this.dispatchGate = new DispatchGate(releases, ledger);
            this.dispatchThreads = DispatchThreads.create(smtp.connections());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static App open(Settings settings) {
        return open(settings, Clock.systemUTC());
    }

    public static App open(Settings settings, Clock clock) {
        App app = new App(settings, clock);
        Runtime.getRuntime().addShutdownHook(app.stopOnExit);
        return app;
    }

    private void stopSending() {
        dispatchGate.stop();
        dispatchThreads.shutdown();
        try {
            if (!dispatchThreads.awaitTermination(settings.integer("broadside.smtp.timeout-ms"),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warn("stopped with messages still in flight; they may be sent again after a restart");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The beans the routes call, by the names the route files use. */
    public Map<String, Object> beans() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("submission", submission);
        beans.put("releaseService", releaseService);
        beans.put("releaseControl", releaseControl);
        beans.put("ledger", ledger);
        beans.put("emailRendering", emailRendering);
        beans.put("dkimSigner", dkimSigner);
        beans.put("socialRelease", socialRelease);
        beans.put("postLedger", postLedger);
        beans.put("postPublisher", postPublisher);
        beans.put("outboxTransport", outboxTransport);
        beans.put("smtpTransport", smtpTransport);
        beans.put("throttle", throttle);
        beans.put("dispatchGate", dispatchGate);
        beans.put("dispatchThreads", dispatchThreads);
        beans.put("unsubscribePages", new UnsubscribePages(unsubscribe, contacts));
        beans.put("bounceProcessor", new BounceProcessor(bounceAddresses, ledger, contacts));
        beans.putAll(emailSteps());
        return beans;
    }

    /**
     * What routes/dispatch-email.yaml does with each claimed delivery, by the names it uses: the delivery's id (the
     * deliveryId header) and the dispatch gate (its filter), in the {@code ref} language; the steps, as
     * {@code process: {ref: NAME}}. The same methods a bean step would call, without Camel's reflective binding for
     * every email (see {@link BodyCalls}).
     */
    private Map<String, Object> emailSteps() {
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("deliveryIdOf", BodyCalls.value(Delivery.class, Delivery::id));
        steps.put("dispatchGateOpen", BodyCalls.test(Delivery.class, dispatchGate::open));
        steps.put("renderEmail", BodyCalls.step(Delivery.class, emailRendering::render));
        steps.put("signEmail", BodyCalls.step(OutgoingEmail.class, dkimSigner::sign));
        steps.put("throttleEmail", BodyCalls.step(OutgoingEmail.class, throttle::admit));
        steps.put("outboxSend", BodyCalls.step(OutgoingEmail.class, outboxTransport::send));
        steps.put("smtpSend", BodyCalls.step(OutgoingEmail.class, smtpTransport::send));
        steps.put("recordSent", BodyCalls.step("deliveryId", Long.class, String.class, ledger::markSent));
        return steps;
    }

    /**
     * The type of each bean of {@link #beans()}, by the same names: what {@code broadside check} checks a route's
     * {@code ref} and {@code method} against without opening the database. A test keeps the two in step.
     */
    public static Map<String, Class<?>> beanTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("submission", Submission.class);
        types.put("releaseService", ReleaseService.class);
        types.put("releaseControl", ReleaseControl.class);
        types.put("ledger", Ledger.class);
        types.put("emailRendering", EmailRendering.class);
        types.put("dkimSigner", DkimSigner.class);
        types.put("socialRelease", SocialRelease.class);
        types.put("postLedger", PostLedger.class);
        types.put("postPublisher", PostPublisher.class);
        types.put("outboxTransport", OutboxTransport.class);
        types.put("smtpTransport", SmtpTransport.class);
        types.put("throttle", Throttle.class);
        types.put("dispatchGate", DispatchGate.class);
        types.put("dispatchThreads", java.util.concurrent.ExecutorService.class);
        types.put("unsubscribePages", UnsubscribePages.class);
        types.put("bounceProcessor", BounceProcessor.class);
        types.put("deliveryIdOf", Expression.class);
        types.put("dispatchGateOpen", Predicate.class);
        for (String step : List.of("renderEmail", "signEmail", "throttleEmail", "outboxSend", "smtpSend",
                "recordSent")) {
            types.put(step, Processor.class);
        }
        return types;
    }

    /** The release scheduler's triggers, opened on first use (Quartz takes a moment to start). */
    public synchronized ReleaseTriggers triggers() {
        if (triggers == null) {
            triggers = ReleaseTriggers.create(database.dataSource(), this::fire,
                    settings.duration("broadside.schedule.misfire-threshold").toMillis());
        }
        return triggers;
    }

    /** A trigger fired: if it is still in time, the release goes to whatever dispatches due releases here. */
    private void fire(String releaseId, Instant dueAt) {
        triggerDecision.decide(releaseId, dueAt).ifPresent(release -> dueDispatch.accept(release));
    }

    /** A release paused itself: its sending threads stop at once (the gate is built after the ledger). */
    private void holdDispatch(String releaseId) {
        dispatchGate.hold(releaseId);
    }

    /** Called by the service: fired triggers hand their release to this. */
    public void dispatchDueReleasesWith(Consumer<Release> dispatch) {
        this.dueDispatch = dispatch;
    }

    private static ZoneId zone(Settings settings, String key) {
        String value = settings.require(key);
        try {
            return ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new ConfigurationException(key + " must be an IANA time zone such as Asia/Manila, not '" + value + "'");
        }
    }

    private static void checkTransport(Settings settings) {
        String transport = settings.require("broadside.transport");
        if (!transport.equals("outbox") && !transport.equals("smtp")) {
            throw new ConfigurationException("broadside.transport must be outbox or smtp, not '" + transport + "'");
        }
    }

    private static MailIdentity mailIdentity(Settings settings) {
        try {
            return MailIdentity.parse(settings.require("broadside.mail.from"),
                    settings.require("broadside.mail.reply-to"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("broadside.mail: " + e.getMessage());
        }
    }

    /** The accounts Broadside posts to itself, by network: each present only when its settings configure it. */
    private static Map<Network, SocialAccount> socialAccounts(Settings settings, Clock clock) {
        Map<Network, SocialAccount> accounts = new EnumMap<>(Network.class);
        MastodonAccount.from(settings, clock).ifPresent(account -> accounts.put(Network.MASTODON, account));
        BlueskyAccount.from(settings, clock).ifPresent(account -> accounts.put(Network.BLUESKY, account));
        return accounts;
    }

    /**
     * Each network's length rule. When Broadside posts to a Mastodon instance, the limits the instance reports win
     * over broadside.mastodon.max-characters: they are what the server enforces when the post arrives, so a post
     * fitted to them is never refused as too long. The setting remains the rule for the ready-to-post text when
     * posting is off, and the fallback while the instance cannot be reached.
     */
    private static Map<Network, LengthRule> socialRules(Settings settings, Map<Network, SocialAccount> accounts) {
        Map<Network, LengthRule> rules = new EnumMap<>(Network.defaultRules());
        MastodonRule configured = mastodonRule(settings);
        rules.put(Network.MASTODON, accounts.get(Network.MASTODON) instanceof MastodonAccount mastodon
                ? mastodon.lengthRule(configured) : configured);
        return rules;
    }

    private static MastodonRule mastodonRule(Settings settings) {
        int limit = settings.integer("broadside.mastodon.max-characters");
        if (limit < 1) {
            throw new ConfigurationException("broadside.mastodon.max-characters must be 1 or more, not " + limit);
        }
        return new MastodonRule(limit);
    }

    /** broadside.social.NETWORK.max-posts for every network; the defaults file sets them all. */
    private static Map<Network, Integer> longestThreads(Settings settings) {
        Map<Network, Integer> maxPosts = new EnumMap<>(Network.class);
        for (Network network : Network.values()) {
            String key = "broadside.social." + network.key() + ".max-posts";
            int posts = settings.integer(key);
            if (posts < 1) {
                throw new ConfigurationException(key + " must be 1 or more, not " + posts);
            }
            maxPosts.put(network, posts);
        }
        return maxPosts;
    }

    private static String domainOf(InternetAddress address) {
        String value = address.getAddress();
        return value.substring(value.lastIndexOf('@') + 1);
    }

    public Settings settings() { return settings; }
    public Clock clock() { return clock; }
    public Database database() { return database; }
    public StatementParser parser() { return parser; }
    public StatementStore statements() { return statements; }
    public Approvals approvals() { return approvals; }
    public Submission submission() { return submission; }
    public ContactStore contacts() { return contacts; }
    public ReleaseStore releases() { return releases; }
    public Ledger ledger() { return ledger; }
    public ReleaseService releaseService() { return releaseService; }
    public ReleaseControl releaseControl() { return releaseControl; }
    public Observances observances() { return observances; }
    public ZoneId defaultZone() { return defaultZone; }
    public Templates templates() { return templates; }
    public EmailComposer composer() { return composer; }
    public UnsubscribeLinks unsubscribeLinks() { return unsubscribe; }
    public SocialRelease socialRelease() { return socialRelease; }
    public PostLedger postLedger() { return postLedger; }

    /** Renders versions as the sample member and journalist get them, the press embargo worked out as on release. */
    public PreviewWriter previewWriter(List<Statement> versions) {
        Statement original = versions.get(0);
        Optional<Instant> embargoLift = releaseService.embargoLift(original,
                statements.find(original.id()).orElseThrow().sourceName());
        return new PreviewWriter(composer, defaultZone, clock, embargoLift);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook stops the sending; closing goes on as far as the database allows.
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (triggers != null) {
                triggers.close();
            }
        }
        dispatchThreads.shutdown();
        smtpTransport.close();
        ledger.close();
        if (senders.unregister()) {
            // What this process claimed and did not settle (it was stopped mid-batch) goes back to the queue now.
            ledger.requeueStale();
        }
        database.close();
    }
}
