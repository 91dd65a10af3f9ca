/** Intake: statements are parsed, checked against what is already submitted, and stored by content hash. */
package org.broadside.intake;
