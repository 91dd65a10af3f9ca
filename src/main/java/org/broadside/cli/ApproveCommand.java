package org.broadside.cli;

import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.approval.Approval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "approve", description = "Approve a statement and its translations exactly as they stand (pins their SHA-256).")
public final class ApproveCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The statement id.")
    String id;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approves.")
    String approver;

    @Override
    public Integer call() {
        try (App app = openApp()) {
            for (Approval approval : app.approvals().approve(id, approver)) {
                out().println("approved " + approval.statementId() + " (" + approval.language() + ") sha256 "
                        + approval.sha256() + " by " + approval.approvedBy() + " at " + approval.approvedAt());
            }
            return 0;
        }
    }
}
