package org.broadside.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadside check} on route files broken in each way it must catch, each reported at its file and line. */
class RouteCheckTest {
    @TempDir
    Path dir;
    private TestHome home;

    @BeforeEach
    void home() {
        home = new TestHome(dir);
    }

    @Test
    void theShippedRoutesPass() {
        Result result = home.run("check");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("monitoring.yaml: ok", "dispatch-email.yaml: ok", "bounces.yaml: ok");
    }

    @Test
    void yamlSyntaxErrorIsReportedAtItsLine() {
        assertReportsForSteps("""
                        - log: "unclosed
                        - to: direct:next
                """, "broken.yaml:6: ");
    }

    @Test
    void unknownStepIsReportedAtItsLine() {
        assertReportsForSteps("""
                        - log: fine
                        - logg:
                            message: typo
                """, "broken.yaml:7: Unknown node id: logg");
    }

    @Test
    void unknownFieldIsReportedAtItsLine() {
        assertReportsForSteps("""
                        - log:
                            messag: typo
                """, "broken.yaml:7: Unsupported field: messag");
    }

    @Test
    void unresolvablePlaceholderIsReportedAtItsLine() {
        assertReportsForSteps("""
                        - to: "file:{{broadside.outbox.dirr}}"
                """, "broken.yaml:6: property placeholder {{broadside.outbox.dirr}} is not set (no setting"
                + " broadside.outbox.dirr in the built-in defaults, config/application.properties or the environment"
                + " variable BROADSIDE_OUTBOX_DIRR)");
    }

    @Test
    void unknownComponentIsReportedAtTheLineOfItsEndpoint() {
        assertReportsForSteps("""
                        - log: fine
                        - to: "nosuch:thing"
                """, "broken.yaml:7: endpoint nosuch:thing cannot be created: No endpoint could be found for: nosuch://thing");
    }

    @Test
    void unknownEndpointOptionIsReportedAtTheOptionsLine() {
        assertReports("""
                - route:
                    id: broken
                    from:
                      uri: "timer:tick"
                      parameters:
                        period: "1000"
                        delai: "5"
                      steps:
                        - log: tick
                """, "broken.yaml:7: endpoint timer:tick cannot be created: ");
    }

    @Test
    void unknownBeanIsReportedAtItsRef() {
        assertReportsForSteps("""
                        - bean:
                            method: markSent
                            ref: ledgr
                """, "broken.yaml:8: no bean named 'ledgr'; the beans are [");
    }

    @Test
    void unknownBeanMethodIsReportedAtItsMethod() {
        assertReportsForSteps("""
                        - split:
                            method:
                              ref: ledger
                              method: "claimPendng(${body}, 'email', 10)"
                            steps:
                              - log: "${body}"
                """, "broken.yaml:9: bean 'ledger' has no method 'claimPendng'");
    }

    @Test
    void placeholderInABeanNameIsResolvedBeforeTheBeanIsLookedUp() throws IOException {
        home.set("broadside.transport", "carrierpigeon");
        Path routes = home.dir().resolve("routes/dispatch-email.yaml");
        List<String> lines = Files.readAllLines(routes);
        int line = 1 + lines.indexOf("                        ref: \"{{broadside.transport}}Send\"");

        Result result = home.run("check", routes.toString());

        assertThat(line).isPositive();
        assertThat(result.errLines()).anySatisfy(error -> assertThat(error)
                .startsWith("dispatch-email.yaml:" + line + ": no bean named 'carrierpigeonSend'"));
    }

    @Test
    void unknownProcessorIsReportedAtItsRef() {
        assertReportsForSteps("""
                        - process:
                            ref: renderEmial
                """, "broken.yaml:7: no bean named 'renderEmial'; the beans are [");
    }

    @Test
    void refLanguageNamingAMissingBeanOrOneThatComputesNothingIsReportedAtItsRef() {
        assertReportsForSteps("""
                        - filter:
                            ref: dispatchGateOpn
                            steps:
                              - log: "${body}"
                """, "broken.yaml:7: no bean named 'dispatchGateOpn'; the beans are [");
        assertReportsForSteps("""
                        - setHeader:
                            name: deliveryId
                            ref: dispatchGate
                """, "broken.yaml:8: bean 'dispatchGate' is neither an expression nor a predicate; call one of its"
                + " methods with method: {ref: dispatchGate, method: NAME}");
    }

    @Test
    void processStepNamingABeanThatIsNoProcessorIsReportedAtItsRef() {
        assertReportsForSteps("""
                        - log: "${body}"
                        - process:
                            ref: ledger
                """, "broken.yaml:8: bean 'ledger' is not a processor; call one of its methods with bean: {ref: ledger,"
                + " method: NAME}");
    }

    @Test
    void invalidSimpleExpressionIsReportedAtItsLine() {
        assertReportsForSteps("""
                        - setHeader:
                            name: x
                            simple: "${header.foo"
                """, "broken.yaml:8: simple expression ${header.foo: ");
    }

    @Test
    void routeWithoutAnIdIsRefusedSinceReloadReplacesRoutesById() {
        assertReports("""
                - route:
                    from:
                      uri: direct:anonymous
                      steps:
                        - log: hi
                """, "broken.yaml:1: a route needs an id: live reload replaces routes by id");
    }

    /**
     * {@link #assertReports} for the steps of a route {@code broken} from {@code direct:broken}; the steps start on
     * the route file's line 6.
     */
    private void assertReportsForSteps(String steps, String expectedStart) {
        assertReports("""
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                """ + steps, expectedStart);
    }

    private void assertReports(String route, String expectedStart) {
        Path file = home.write("routes/broken.yaml", route);

        Result result = home.run("check", file.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.errLines()).as(result.err()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith(expectedStart);
    }
}
