package org.broadside.statement;

/** The person journalists and members are told to contact; any part may be null except that one of them is set. */
public record ReferenceContact(String name, String role, String phone, String email) {
}
