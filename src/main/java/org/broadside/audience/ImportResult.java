package org.broadside.audience;

/**
 * What an import changed.
 *
 * @param added     contacts that were not there before
 * @param updated   contacts whose fields changed or who joined a list they were not on
 * @param unchanged contacts already there exactly as imported
 */
public record ImportResult(int added, int updated, int unchanged) {
}
