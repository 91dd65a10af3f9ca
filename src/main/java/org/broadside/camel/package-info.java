/** Camel glue: camel-main with the operator's YAML routes and Broadside's beans. */
package org.broadside.camel;
