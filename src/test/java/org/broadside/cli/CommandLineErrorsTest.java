package org.broadside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the real commands: exit 2, one line per problem naming file and line, nothing stored. */
class CommandLineErrorsTest {
    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    @Test
    void anInvalidStatementIsRefusedWithFileAndLineAndNothingIsStored() {
        String bad = Samples.english().replace("release_zone: Asia/Manila", "release_zone: Mars/Base")
                .replace("title:", "titel:");

        Result result = home.run("submit", home.write("statement.md", bad).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        String file = dir.resolve("statement.md").toString();
        assertThat(result.errLines()).contains(
                file + ":3: unknown key 'titel' (did you mean 'title'?)",
                file + ":9: release_zone 'Mars/Base' is not a known time zone");
        assertThat(home.run("status").out()).contains("no statements submitted");
    }

    @Test
    void aTranslationOfAnUnknownOriginalIsRefused() {
        Result result = home.run("submit", home.write("es.md", Samples.spanish()).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                "es.md:17: translation_of 'may-day-2027' is not a submitted statement (submit the original first)");
        assertThat(home.run("status").out()).contains("no statements submitted");
    }

    @Test
    void aSecondVersionInTheSameLanguageIsRefused() {
        home.run("submit", home.write("en.md", Samples.english()).toString());
        String otherEnglish = Samples.statement("may-day-2027-en-gb", "en", "translation_of: may-day-2027\n", "Text.\n");

        Result result = home.run("submit", home.write("en-gb.md", otherEnglish).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("en-gb.md:6: the 'en' version of 'may-day-2027' is already submitted as 'may-day-2027'");
    }

    @Test
    void anInvalidContactFileImportsNothing() {
        String contacts = Samples.CONTACTS + "bad-address,PH,Org,,en,,\nok@kasama.example,XX,Org,,en,,\n";

        Result result = home.run("contacts", "import", home.write("people.csv", contacts).toString(), "--list", "members");

        assertThat(result.exitCode()).isEqualTo(2);
        String file = dir.resolve("people.csv").toString();
        assertThat(result.errLines()).containsExactly(
                file + ":5: email 'bad-address' is not a valid address (Missing final '@domain')",
                file + ":6: country 'XX' is not an ISO 3166-1 alpha-2 code");
        assertThat(home.run("contacts", "list").out().lines()).hasSize(1);
    }

    @Test
    void skipInvalidImportsTheValidRowsAndStillReportsTheBadOnes() {
        String contacts = Samples.CONTACTS + "bad-address,PH,Org,,en,,\n";

        Result result = home.run("contacts", "import", home.write("people.csv", contacts).toString(), "--list",
                "members", "--skip-invalid");

        assertThat(result.errLines()).filteredOn(line -> line.endsWith("(skipped)")).singleElement().asString()
                .startsWith(dir.resolve("people.csv") + ":5: ");
        assertThat(result.errLines()).filteredOn(line -> line.endsWith("(warning)")).singleElement().asString()
                .startsWith(dir.resolve("people.csv") + ":3: country 'ES' has several time zones");
        assertThat(result.out()).contains("3 new");
        assertThat(home.run("contacts", "list", "--list", "members").out().lines()).hasSize(4);
    }

    @Test
    void approvingAnUnknownStatementIsInvalidInput() {
        Result result = home.run("approve", "no-such-statement", "--by", "Eni");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("no-such-statement: no statement with this id has been submitted");
    }

    @Test
    void aMissingCommandOrOptionIsAUsageError() {
        assertThat(home.run().exitCode()).isEqualTo(2);
        assertThat(home.run("approve", "x").exitCode()).isEqualTo(2);
        assertThat(home.run("release", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void aBadSettingIsReportedByKey() {
        home.set("broadside.transport", "carrier-pigeon");

        Result result = home.run("status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .isEqualTo("configuration: broadside.transport must be outbox or smtp, not 'carrier-pigeon'");
    }

    @Test
    void checkReportsABrokenRouteFileWithItsLine() {
        home.write("routes/broken.yaml", """
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                    steps:
                      - log: "misplaced: steps belong under from"
                """);

        Result result = home.run("check");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("broken.yaml:");
        assertThat(result.out()).contains("release.yaml: ok", "dispatch-email.yaml: ok");
    }
}
