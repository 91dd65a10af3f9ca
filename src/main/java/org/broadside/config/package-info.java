/** Settings: built-in defaults, the home's properties file, the environment and system properties, merged once. */
package org.broadside.config;
