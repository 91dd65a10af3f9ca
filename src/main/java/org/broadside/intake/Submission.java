package org.broadside.intake;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadside.approval.Approvals;
import org.broadside.statement.ContentHash;
import org.broadside.statement.Statement;
import org.broadside.statement.StatementParser;
import org.broadside.store.Database;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/**
 * Takes a statement file into Broadside: parse, check it against what is already submitted, store.
 * Either all of it is stored or, on any problem, nothing.
 */
public final class Submission {
    private final Database database;
    private final StatementParser parser;
    private final StatementStore statements;
    private final Approvals approvals;

    public Submission(Database database, StatementParser parser, StatementStore statements, Approvals approvals) {
        this.database = database;
        this.parser = parser;
        this.statements = statements;
        this.approvals = approvals;
    }

    /** What happened to a submitted version. */
    public record Result(String id, String language, String sha256, Status status) {
    }

    public enum Status {
        NEW("submitted; it needs approval"),
        APPROVED("this exact content is approved"),
        CHANGED("changed; it needs approval again"),
        UNAPPROVED("unchanged; it still needs approval");

        private final String description;

        Status(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public Result submit(Path file) {
        return submit(file.getFileName().toString(), parser.parse(file));
    }

    public Result submit(String sourceName, Statement statement) {
        return database.inTransaction(connection -> {
            checkAgainstStore(sourceName, statement, connection);
            Optional<StoredStatement> before = statements.find(statement.id(), connection);
            statements.save(statement, sourceName, connection);
            String sha256 = statement.sha256();
            return new Result(statement.id(), statement.language(), sha256, status(before, sha256, connection));
        });
    }

    private Status status(Optional<StoredStatement> before, String sha256, Connection connection)
            throws SQLException {
        if (approvals.isApproved(before.map(StoredStatement::id).orElse(""), sha256, connection)) {
            return Status.APPROVED;
        }
        if (before.isEmpty()) {
            return Status.NEW;
        }
        return before.get().sha256().equals(sha256) ? Status.UNAPPROVED : Status.CHANGED;
    }

    private void checkAgainstStore(String file, Statement statement, Connection connection) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        String source = statement.source();
        if (statement.translationOf() != null) {
            Optional<StoredStatement> original = statements.find(statement.translationOf(), connection);
            if (original.isEmpty()) {
                problems.add(new Problem(file, KeyLine.of(source, "translation_of"), "translation_of '"
                        + statement.translationOf() + "' is not a submitted statement (submit the original first)"));
            } else if (!original.get().isOriginal()) {
                problems.add(new Problem(file, KeyLine.of(source, "translation_of"), "translation_of '"
                        + statement.translationOf() + "' is itself a translation of '" + original.get().originalId()
                        + "'; name the original"));
            }
        }
        Optional<StoredStatement> sameLanguage =
                statements.findVersion(statement.originalId(), statement.language(), connection);
        if (sameLanguage.isPresent() && !sameLanguage.get().id().equals(statement.id())) {
            problems.add(new Problem(file, KeyLine.of(source, "language"), "the '" + statement.language()
                    + "' version of '" + statement.originalId() + "' is already submitted as '"
                    + sameLanguage.get().id() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
