package org.broadside.web;

/** A person signed in to the console: the name recorded with what they do (an approval), and their role. */
public record Operator(String name, Role role) {
}
