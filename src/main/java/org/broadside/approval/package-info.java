/** Approval: who approved which exact content, pinned by SHA-256, and the check that only such content goes out. */
package org.broadside.approval;
