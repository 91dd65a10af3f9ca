package org.broadside.cli;

import java.io.PrintWriter;
import org.broadside.App;
import org.broadside.Broadside;
import org.broadside.config.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: its home's settings, the opened application, and its output streams. */
abstract class HomeCommand {
    @Spec
    CommandSpec spec;

    Settings settings() {
        return ((Broadside) spec.root().userObject()).settings();
    }

    App openApp() {
        return App.open(settings());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
