package org.broadside.audience;

import java.util.List;
import org.broadside.validation.Problem;

/**
 * The outcome of {@code contacts import}.
 *
 * @param result  what the stored rows changed
 * @param skipped the rows left out under {@code --skip-invalid}, to print; empty otherwise
 */
public record ImportReport(ImportResult result, List<Problem> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
