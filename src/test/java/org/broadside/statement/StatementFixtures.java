package org.broadside.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/** Statement files under {@code src/test/resources/statements/} and the problems a parser reports. */
final class StatementFixtures {

    private StatementFixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = StatementFixtures.class.getResourceAsStream("/statements/" + name)) {
            return Objects.requireNonNull(in, "no resource " + name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The problems as an operator reads them ({@code file:line: message}); fails unless the content is refused. */
    static List<String> problems(StatementParser parser, String fileName, byte[] content) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> parser.parse(fileName, content));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream().map(Problem::toString).toList();
    }
}
