/** The command line: one class per command, each opening the home's {@link org.broadside.App} for its run. */
package org.broadside.cli;
