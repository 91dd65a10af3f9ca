package org.broadside.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void laterSourcesWinDefaultsThenFileThenEnvironmentThenSystemProperties() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"),
                "broadside.smtp.host=file.example\nbroadside.smtp.port=2525\nbroadside.transport=smtp\n");
        Properties system = new Properties();
        system.setProperty("broadside.transport", "outbox");

        Settings settings = Settings.load(home,
                Map.of("BROADSIDE_SMTP_HOST", "env.example", "BROADSIDE_MAIL_REPLY_TO", "desk@env.example"), system);

        assertThat(settings.require("broadside.smtp.host")).isEqualTo("env.example");
        assertThat(settings.integer("broadside.smtp.port")).isEqualTo(2525);
        assertThat(settings.require("broadside.mail.reply-to")).isEqualTo("desk@env.example");
        assertThat(settings.require("broadside.transport")).isEqualTo("outbox");
        assertThat(settings.require("broadside.smtp.starttls")).as("built-in default").isEqualTo("required");
    }

    @Test
    void directoriesAreResolvedAgainstTheHomeForRoutes() {
        Settings settings = Settings.load(home, Map.of(), new Properties());

        assertThat(settings.asProperties().getProperty("broadside.inbox.dir")).isEqualTo(home.resolve("inbox").toString());
        assertThat(settings.path("broadside.outbox.dir")).isEqualTo(home.resolve("outbox"));
    }

    @Test
    void aMissingOrMalformedValueNamesTheKeyAndItsVariable() {
        Settings settings = Settings.load(home, Map.of("BROADSIDE_SMTP_PORT", "many"), new Properties());

        assertThatThrownBy(() -> settings.integer("broadside.smtp.port"))
                .hasMessage("broadside.smtp.port must be a whole number, not 'many'");
        assertThatThrownBy(() -> settings.require("broadside.smtp.password"))
                .hasMessageContaining("BROADSIDE_SMTP_PASSWORD");
    }
}
