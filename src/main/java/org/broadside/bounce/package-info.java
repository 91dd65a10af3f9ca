/** Bounces: delivery status notifications read from the bounce mailbox, matched to deliveries by their VERP token. */
package org.broadside.bounce;
