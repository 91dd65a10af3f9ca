/** What the service answers over HTTP: the unsubscribe pages (and, later, the console). */
package org.broadside.web;
