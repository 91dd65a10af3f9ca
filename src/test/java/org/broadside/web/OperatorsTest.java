package org.broadside.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.broadside.config.ConfigurationException;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsTest {
    @TempDir
    Path home;

    @Test
    void anAddedOperatorSignsInWithTheirPasswordAndRoleOnly() {
        Operators operators = new Operators(home);
        operators.add("maria", Role.APPROVER, "correct horse battery".toCharArray());

        assertThat(operators.signIn("maria", "correct horse battery".toCharArray()))
                .contains(new Operator("maria", Role.APPROVER));
        assertThat(operators.signIn("maria", "wrong".toCharArray())).isEmpty();
        assertThat(operators.signIn("nobody", "correct horse battery".toCharArray())).isEmpty();
    }

    @Test
    void theFileHoldsHashesOnlyReadableByItsOwnerAndIsReadAgainWhenItChanges() throws Exception {
        new Operators(home).add("maria", Role.EDITOR, "correct horse battery".toCharArray());
        Operators running = new Operators(home);
        assertThat(running.list()).containsEntry("maria", Role.EDITOR);

        Path file = home.resolve(Operators.FILE);
        assertThat(Files.readString(file)).doesNotContain("correct horse battery").contains("pbkdf2-sha256$");
        assertThat(Files.getPosixFilePermissions(file))
                .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        new Operators(home).add("ed", Role.ADMIN, "another long password".toCharArray());
        assertThat(running.list()).as("no restart needed").containsKeys("maria", "ed");
        assertThat(new Operators(home).remove("maria")).isTrue();
        assertThat(running.signIn("maria", "correct horse battery".toCharArray())).isEmpty();
    }

    @Test
    void aBrokenLineIsReportedWithFileAndLine() throws Exception {
        new TestHome(home).write(Operators.FILE, "# operators\nmaria = approver pbkdf2-sha256$1$YQ$YQ\ned = boss pbkdf2-sha256$1$YQ$YQ\n");

        assertThatThrownBy(() -> new Operators(home).signIn("maria", "x".toCharArray()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("config/operators.properties:3: no role 'boss' (editor, approver or admin)");
    }

    @Test
    void namesAreShortAndPlain() {
        assertThatThrownBy(() -> new Operators(home).add("maria = admin", Role.ADMIN, "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operator name");
    }
}
