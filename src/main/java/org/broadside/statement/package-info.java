/**
 * Statements as operators write them — Markdown with YAML front matter — parsed into {@link
 * org.broadside.statement.Statement} records, or refused with every problem located by file and line.
 */
package org.broadside.statement;
