/** Signed tokens and the key that signs them. */
package org.broadside.security;
