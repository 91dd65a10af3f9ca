/**
 * Camel glue: camel-main with the operator's YAML routes and Broadside's beans; the check of route files
 * ({@code broadside check}) and, in the service, the validated live reload of edited ones.
 */
package org.broadside.camel;
