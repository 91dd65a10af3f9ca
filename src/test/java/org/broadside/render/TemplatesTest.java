package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
    @TempDir
    Path directory;

    @Test
    void ftlhEscapesHtmlAndFtlLeavesTextAlone() throws IOException {
        write("page.ftlh", "<p>${title}</p>");
        write("page.ftl", "${title}");
        Templates templates = new Templates(directory);
        Map<String, String> model = Map.of("title", "Rights & <dignity>");

        assertThat(templates.render("page.ftlh", model)).isEqualTo("<p>Rights &amp; &lt;dignity&gt;</p>");
        assertThat(templates.render("page.ftl", model)).isEqualTo("Rights & <dignity>");
    }

    @Test
    void newBuiltInCanCreateNothing() throws IOException {
        write("evil.ftl", "<#assign run = \"freemarker.template.utility.Execute\"?new()>\n${run(\"id\")}");

        assertThatThrownBy(() -> new Templates(directory).render("evil.ftl", Map.of()))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageStartingWith(directory.getFileName() + "/evil.ftl:1: ")
                .satisfies(failure -> assertThat(((TemplateFailure) failure).line()).isEqualTo(1));
    }

    @Test
    void apiBuiltInIsDisabled() throws IOException {
        write("evil.ftl", "first line\n${contacts?api.getClass().getProtectionDomain()}");

        assertThatThrownBy(() -> new Templates(directory).render("evil.ftl", Map.of("contacts", Map.of("a", "b"))))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageStartingWith(directory.getFileName() + "/evil.ftl:2: ");
    }

    @Test
    void anArbitraryJavaObjectIsNotExposedToTemplates() throws IOException {
        write("peek.ftl", "${thread.name}");

        assertThatThrownBy(() -> new Templates(directory).render("peek.ftl", Map.of("thread", Thread.currentThread())))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageStartingWith(directory.getFileName() + "/peek.ftl:");
    }

    @Test
    void anUndefinedVariableNamesTheFileAndLine() throws IOException {
        write("email/member.txt.ftl", "Dear ${greetingName},\n\n${titel}\n");

        assertThatThrownBy(() -> new Templates(directory).render("email/member.txt.ftl", Map.of("greetingName", "IMA")))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageStartingWith(directory.getFileName() + "/email/member.txt.ftl:3: ")
                .hasMessageContaining("titel");
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws IOException {
        write("broken.ftlh", "<p>ok</p>\n<p>still ok</p>\n<#if title>unclosed\n");

        assertThatThrownBy(() -> new Templates(directory).render("broken.ftlh", Map.of("title", true)))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageStartingWith(directory.getFileName() + "/broken.ftlh:")
                .satisfies(failure -> assertThat(((TemplateFailure) failure).line()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void aMissingTemplateIsNamed() {
        assertThatThrownBy(() -> new Templates(directory).render("email/missing.html.ftlh", Map.of()))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageStartingWith(directory.getFileName() + "/email/missing.html.ftlh: ")
                .satisfies(failure -> assertThat(((TemplateFailure) failure).line()).isZero());
    }

    @Test
    void aTemplateCannotReachOutsideItsDirectory() throws IOException {
        write("secret.ftl", "the SMTP password");
        Path templates = Files.createDirectory(directory.resolve("templates"));

        assertThatThrownBy(() -> new Templates(templates).render("../secret.ftl", Map.of()))
                .isInstanceOf(TemplateFailure.class);
    }

    @Test
    void listsAndMapsBuiltByUsAreUsable() throws IOException {
        write("list.ftl", "<#list tags as tag>#${tag}<#sep> </#list> ${contact.name}");

        assertThat(new Templates(directory).render("list.ftl",
                Map.of("tags", List.of("MigrantsDay", "NoOneIsIllegal"), "contact", Map.of("name", "IMA"))))
                .isEqualTo("#MigrantsDay #NoOneIsIllegal IMA");
    }

    private void write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
