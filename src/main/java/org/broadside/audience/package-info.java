/**
 * Who receives a release: contacts keyed by their lower-cased address, the lists they are on, the CSV
 * import and export operators use to maintain them, and the suppressions that no import can undo.
 */
package org.broadside.audience;
