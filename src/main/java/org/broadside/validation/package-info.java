/** Problems with operator input, each located by file and line, and the exception that carries them. */
package org.broadside.validation;
