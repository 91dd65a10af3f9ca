/** The service watched from outside: the health check and the Prometheus metrics on its HTTP server. */
package org.broadside.monitor;
