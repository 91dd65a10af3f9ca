/**
 * Checking operator input, shared by every reader of operator files: problems located by file and line and
 * the exception that carries them, strict UTF-8 decoding, control characters refused in single-line values,
 * "did you mean" suggestions, and values quoted safely inside messages.
 */
package org.broadside.validation;
