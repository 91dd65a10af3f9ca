/**
 * Social posts from a statement: each network's length rule, the text a post is built from, and a composer
 * that shortens that text at sentence or word boundaries until the rendered post fits.
 */
package org.broadside.social;
