/**
 * DKIM (RFC 6376): signs each outgoing email with the domain's key, so that receivers can trust its From address
 * and its one-click unsubscribe headers. Only when a key is configured ({@code broadside.dkim.*}).
 */
package org.broadside.dkim;
