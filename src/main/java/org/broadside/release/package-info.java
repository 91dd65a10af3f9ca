/**
 * Releases: opening one pins the approved content and plans a ledger row per recipient; operators schedule,
 * release now, pause, resume and cancel; fired triggers are judged against the grace period; and each claimed
 * delivery is rendered from the pinned content.
 */
package org.broadside.release;
