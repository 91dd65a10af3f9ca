package org.broadside.audience;

import java.util.List;
import org.broadside.validation.Problem;

/**
 * The outcome of {@code contacts import}.
 *
 * @param result   what the stored rows changed
 * @param skipped  the rows left out under {@code --skip-invalid}, to print; empty otherwise
 * @param warnings imported rows worth a second look, such as a contact whose country has several time zones
 *                 and who has none of their own
 */
public record ImportReport(ImportResult result, List<Problem> skipped, List<Problem> warnings) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
