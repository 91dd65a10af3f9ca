package org.broadside.audience;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadside.schedule.CountryZones;
import org.broadside.schedule.RecipientZones;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Quoted;

/**
 * {@code broadside contacts import}: a file is imported whole or not at all, unless the operator asks
 * for its valid rows with {@code --skip-invalid}. Even then a file with no valid row at all is refused,
 * because importing nothing while reporting success would hide a file that is wrong throughout.
 *
 * <p>A contact with no time zone in a country that has several is imported, since the country is enough to
 * reach them, but warned about: a release at 09:00 their time would reach them at 09:00 in the default zone.
 */
public final class ContactImporter {
    /** Enough for the operator to see what kind of zone is meant; the rest are one lookup away. */
    private static final int ZONES_SHOWN = 2;

    private final ContactCsvReader reader = new ContactCsvReader();
    private final ContactStore store;
    private final ZoneId defaultZone;
    private final CountryZones countries = CountryZones.shared();
    private final RecipientZones recipientZones;

    /** For a home with no configured default zone: UTC. */
    public ContactImporter(ContactStore store) {
        this(store, ZoneId.of("UTC"));
    }

    /** @param defaultZone the configured {@code broadside.release.default-zone}, named in warnings */
    public ContactImporter(ContactStore store, ZoneId defaultZone) {
        this.store = store;
        this.defaultZone = defaultZone;
        this.recipientZones = new RecipientZones(defaultZone, countries);
    }

    /**
     * @throws InvalidInputException listing every problem, when nothing was stored
     */
    public ImportReport importFile(Path file, String list, boolean skipInvalid) {
        ContactCsvReader.Reading reading = reader.read(file, list, this::missingTimezone);
        ContactFile read = reading.file();
        if (read.hasProblems() && (!skipInvalid || read.contacts().isEmpty())) {
            throw new InvalidInputException(read.problems());
        }
        return new ImportReport(store.importContacts(read.contacts()), read.problems(), reading.warnings());
    }

    private Optional<String> missingTimezone(Contact contact) {
        if (!recipientZones.needsTimezone(contact)) {
            return Optional.empty();
        }
        return Optional.of("country " + Quoted.of(contact.country()) + " has several time zones ("
                + examples(countries.distinctZones(contact.country())) + "); add a timezone, until then "
                + defaultZone.getId() + " is used");
    }

    private static String examples(List<ZoneId> zones) {
        String shown = zones.stream().limit(ZONES_SHOWN).map(ZoneId::getId).collect(Collectors.joining(", "));
        return zones.size() > ZONES_SHOWN ? shown + ", …" : shown;
    }
}
