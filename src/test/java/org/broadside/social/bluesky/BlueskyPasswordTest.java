package org.broadside.social.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.broadside.social.PostToPublish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The app password goes to createSession and nowhere else: no log line, no exception message, no toString. */
class BlueskyPasswordTest {
    private static final String PASSWORD = "wxyz-2345-secr-et99";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakePds pds = new FakePds(server);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger broadside = (Logger) LoggerFactory.getLogger("org.broadside");
    private Level rootLevel;
    private Level broadsideLevel;

    @BeforeEach
    void captureEveryLogLine() {
        rootLevel = root.getLevel();
        broadsideLevel = broadside.getLevel();
        root.setLevel(Level.ALL);
        broadside.setLevel(Level.ALL);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(log);
        root.setLevel(rootLevel);
        broadside.setLevel(broadsideLevel);
    }

    @Test
    void thePasswordIsInNoLogLineAndNoExceptionMessage() {
        List<Throwable> failures = new ArrayList<>();
        BlueskySettings settings = new BlueskySettings(pds.url(), FakePds.HANDLE, PASSWORD);

        // A refused password, reported as a failure.
        pds.stub(post(FakePds.CREATE_SESSION).inScenario("password").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakePds.xrpcError(401, "AuthenticationRequired", "Invalid identifier or password"))
                .willSetStateTo("fixed"));
        failures.add(catchThrowable(() -> account(settings).publish(aPost("r/bluesky/en/1"))));
        // Then a session that expires, a refresh that is refused, a new sign-in, a refused post and a lost answer.
        pds.stub(post(FakePds.CREATE_SESSION).inScenario("password").whenScenarioStateIs("fixed")
                .willReturn(FakePds.session(1)).willSetStateTo("renewed"));
        pds.stub(post(FakePds.CREATE_SESSION).inScenario("password").whenScenarioStateIs("renewed")
                .willReturn(FakePds.session(2)));
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(400, "ExpiredToken", "Token has expired")));
        pds.stub(post(FakePds.REFRESH_SESSION).willReturn(FakePds.xrpcError(400, "ExpiredToken", "Token has expired")));
        pds.stub(pds.createRecordWith(2).willReturn(FakePds.xrpcError(400, "InvalidRequest", "Invalid record")));
        pds.stub(pds.getRecord(Tid.derivedFrom("r/bluesky/en/2"))
                .willReturn(FakePds.xrpcError(403, "Forbidden", "Not yours")));
        failures.add(catchThrowable(() -> account(settings).publish(aPost("r/bluesky/en/2"))));

        assertThat(pds.bodiesOf(FakePds.CREATE_SESSION)).as("the password did go to createSession")
                .allSatisfy(body -> assertThat(body).contains(PASSWORD)).hasSize(3);
        assertThat(failures).hasSize(2).doesNotContainNull();
        assertThat(log.list).as("something was logged").isNotEmpty();
        for (ILoggingEvent event : log.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD);
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                assertThat(String.valueOf(thrown.getMessage())).doesNotContain(PASSWORD);
            }
        }
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(PASSWORD);
                assertThat(cause.toString()).doesNotContain(PASSWORD);
            }
        }
        assertThat(settings.toString()).doesNotContain(PASSWORD);
    }

    private static BlueskyAccount account(BlueskySettings settings) {
        return new BlueskyAccount(settings, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    private static PostToPublish aPost(String key) {
        return new PostToPublish(key, "en", "A statement", null, null);
    }
}
