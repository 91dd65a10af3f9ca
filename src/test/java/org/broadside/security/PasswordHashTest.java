package org.broadside.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String hash = PasswordHash.hash("correct horse battery".toCharArray());

        assertThat(PasswordHash.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.matches(new char[0], hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSaltAndNamesItsSchemeAndIterations() {
        String first = PasswordHash.hash("same password".toCharArray());
        String second = PasswordHash.hash("same password".toCharArray());

        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$600000$").doesNotContain("same password");
    }

    @Test
    void aStoredHashKeepsWorkingWithTheIterationsItWasMadeWith() {
        // Made with 1,000 iterations: raising ITERATIONS later must not lock out operators added before.
        String old = "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$"
                + "nX9yBB5w9Jm8oA3nUO4x1aYxk0S0b6d3Y1bqHk9m8zU";
        assertThat(PasswordHash.matches("whatever".toCharArray(), old)).isFalse();
        PasswordHash.requireWellFormed(old);
    }

    @Test
    void aValueThatIsNotAHashIsRefusedWithTheFormExpected() {
        for (String bad : new String[] {"plain-text", "pbkdf2-sha256$x$salt$hash", "md5$1$a$b", "pbkdf2-sha256$0$YQ$YQ",
            "pbkdf2-sha256$10$!!$YQ"}) {
            assertThatThrownBy(() -> PasswordHash.requireWellFormed(bad)).as(bad)
                    .hasMessageContaining("pbkdf2-sha256$ITERATIONS$SALT$HASH");
        }
    }
}
