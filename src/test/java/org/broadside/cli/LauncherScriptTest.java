package org.broadside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/broadside} itself: which JVM options it adds for which command. It runs against a copy of the script
 * next to a jar newer than its sources (so it builds nothing), with a {@code java} first on the PATH that prints
 * the arguments it was given, one per line.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherScriptTest {
    @TempDir
    Path checkout;
    private Path fakeJdk;

    @BeforeEach
    void checkoutWithABuiltJar() throws IOException {
        Path script = Files.createDirectories(checkout.resolve("bin")).resolve("broadside");
        Files.copy(Path.of("bin/broadside"), script, StandardCopyOption.REPLACE_EXISTING);
        script.toFile().setExecutable(true);
        FileTime anHourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(Files.createDirectories(checkout.resolve("src/main")), anHourAgo);
        Files.setLastModifiedTime(Files.writeString(checkout.resolve("pom.xml"), "<project/>"), anHourAgo);
        Files.writeString(Files.createDirectories(checkout.resolve("target")).resolve("broadside.jar"), "");
        fakeJdk = Files.createDirectories(checkout.resolve("fake-jdk"));
        Path java = Files.writeString(fakeJdk.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        java.toFile().setExecutable(true);
    }

    private List<String> javaArguments(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("bin/broadside").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BROADSIDE_JAVA_OPTS");
        builder.environment().put("PATH", fakeJdk + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private String jar() {
        return checkout.resolve("target/broadside.jar").toString();
    }

    @Test
    void aCommandRunsWithTheC1CompilerAndTheSerialCollector() throws Exception {
        assertThat(javaArguments(Map.of(), "release", "migrants-day", "--now")).containsExactly(
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar(), "release", "migrants-day", "--now");
    }

    @Test
    void theServiceKeepsTieredCompilationWhateverComesBeforeIt() throws Exception {
        assertThat(javaArguments(Map.of(), "--home", "/srv/broadside", "run"))
                .containsExactly("-XX:+UseSerialGC", "-jar", jar(), "--home", "/srv/broadside", "run");
        assertThat(javaArguments(Map.of(), "--home", "run", "status"))
                .as("a home named run is not the command").contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void aCollectorChosenInBroadsideJavaOptsReplacesTheSerialOne() throws Exception {
        assertThat(javaArguments(Map.of("BROADSIDE_JAVA_OPTS", "-Xmx1g -XX:+UseG1GC"), "status"))
                .containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g", "-XX:+UseG1GC", "-jar", jar(), "status");
        assertThat(javaArguments(Map.of("BROADSIDE_JAVA_OPTS", "-XX:+UseParallelGC"), "run"))
                .containsExactly("-XX:+UseParallelGC", "-jar", jar(), "run");
    }

    @Test
    void optionsThatOnlyMentionACollectorKeepTheSerialOne() throws Exception {
        for (String options : List.of("-XX:+UseCompressedOops -XX:+PrintGC", "-XX:+UseStringDeduplication",
                "-XX:+UseAdaptiveSizePolicyWithSystemGC", "-Xlog:gc:file=gc.log")) {
            assertThat(javaArguments(Map.of("BROADSIDE_JAVA_OPTS", options), "status")).as(options)
                    .contains("-XX:+UseSerialGC");
        }
    }
}
