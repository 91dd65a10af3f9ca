package org.broadside.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything logged in this JVM while it is open, Broadside's own loggers down to DEBUG: for tests that check
 * what must never be logged (a token), not only what is shown at the default level.
 */
public final class CapturedLogs implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Logger broadside;
    private final Level broadsideLevel;

    public CapturedLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        broadside = context.getLogger("org.broadside");
        broadsideLevel = broadside.getLevel();
        broadside.setLevel(Level.DEBUG);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** Every message logged so far, formatted, with its exception's messages. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append("  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        broadside.setLevel(broadsideLevel);
    }
}
