/**
 * Rendering: one approved language version becomes the email a member or a journalist receives, through
 * hardened FreeMarker templates that operators edit under the home's {@code templates/}, with statement
 * text always treated as data.
 */
package org.broadside.render;
