/** Dispatch: the delivery ledger, rendering a claimed delivery, and the transports that carry it. */
package org.broadside.dispatch;
