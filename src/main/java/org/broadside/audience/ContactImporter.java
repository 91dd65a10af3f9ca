package org.broadside.audience;

import java.nio.file.Path;
import org.broadside.validation.InvalidInputException;

/**
 * {@code broadside contacts import}: a file is imported whole or not at all, unless the operator asks
 * for its valid rows with {@code --skip-invalid}. Even then a file with no valid row at all is refused,
 * because importing nothing while reporting success would hide a file that is wrong throughout.
 */
public final class ContactImporter {
    private final ContactCsvReader reader = new ContactCsvReader();
    private final ContactStore store;

    public ContactImporter(ContactStore store) {
        this.store = store;
    }

    /**
     * @throws InvalidInputException listing every problem, when nothing was stored
     */
    public ImportReport importFile(Path file, String list, boolean skipInvalid) {
        ContactFile read = reader.read(file, list);
        if (read.hasProblems() && (!skipInvalid || read.contacts().isEmpty())) {
            throw new InvalidInputException(read.problems());
        }
        return new ImportReport(store.importContacts(read.contacts()), read.problems());
    }
}
