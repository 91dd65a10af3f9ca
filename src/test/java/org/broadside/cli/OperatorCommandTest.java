package org.broadside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadside operator}: the password comes from standard input when there is no terminal (scripts, tests). */
class OperatorCommandTest {
    private static final InputStream STDIN = System.in;

    @TempDir
    Path dir;

    @AfterEach
    void restoreStdin() {
        System.setIn(STDIN);
    }

    @Test
    void addsAnOperatorWhoCanThenBeListedAndRemoved() throws Exception {
        TestHome home = new TestHome(dir);

        Result added = withStdin("correct horse battery\n", () -> home.run("operator", "add", "maria", "--role", "approver"));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("operator maria (approver) can sign in to the console");
        assertThat(home.run("operator", "list").out()).isEqualTo("maria approver" + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("config/operators.properties"))).doesNotContain("correct horse");

        assertThat(home.run("operator", "remove", "maria").exitCode()).isZero();
        assertThat(home.run("operator", "list").out()).isEmpty();
    }

    @Test
    void refusesAShortPasswordAnUnknownRoleAndAnUnknownOperatorStoringNothing() throws Exception {
        TestHome home = new TestHome(dir);

        Result shortPassword = withStdin("secret\n", () -> home.run("operator", "add", "ed", "--role", "editor"));
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("password: use at least 12 characters");

        Result badRole = withStdin("correct horse battery\n", () -> home.run("operator", "add", "ed", "--role", "boss"));
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("no role 'boss' (editor, approver or admin)");

        assertThat(home.run("operator", "remove", "ed").err()).contains("no operator ed");
        assertThat(dir.resolve("config/operators.properties")).doesNotExist();
    }

    private static Result withStdin(String input, java.util.function.Supplier<Result> command) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return command.get();
    }
}
