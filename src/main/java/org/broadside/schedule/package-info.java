/** Release scheduling: when each recipient gets a release, and the Quartz triggers that fire it. */
package org.broadside.schedule;
