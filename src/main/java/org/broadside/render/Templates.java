package org.broadside.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The operator-editable templates under one directory (the home's {@code templates/}), rendered by a
 * FreeMarker configuration locked down so that a template can format data and nothing else.
 *
 * <p>Templates are operator-written, but they run on the machine that holds the contact lists and the
 * SMTP credentials, so they get no way out: {@code ?new} can instantiate no class, {@code ?api} is off,
 * and models are wrapped by {@link SimpleObjectWrapper}, which accepts only maps, lists, strings,
 * numbers, booleans and dates (and markup values we build) and refuses any other Java object.
 * A {@code .ftlh} file escapes every interpolation as HTML; a {@code .ftl} file is plain text.
 * Instances are thread-safe.
 */
public final class Templates {
    private static final Version VERSION = Configuration.VERSION_2_3_35;

    private final Configuration configuration;
    private final String displayDirectory;

    /** @param directory the templates directory; names passed to {@link #render} are relative to it */
    public Templates(Path directory) {
        this.displayDirectory = String.valueOf(directory.normalize().getFileName());
        this.configuration = hardened(loaderFor(directory));
    }

    /** For tests: FreeMarker looks for an edited file at most this often (by default every 5 seconds). */
    Templates(Path directory, Duration updateDelay) {
        this(directory);
        configuration.setTemplateUpdateDelayMilliseconds(updateDelay.toMillis());
    }

    /**
     * Renders one template.
     *
     * @param name  relative to the templates directory, e.g. {@code email/member.html.ftlh}
     * @param model built by us from plain values; never a domain object
     * @throws TemplateFailure naming the template file and line when it is missing, malformed or fails
     */
    public String render(String name, Map<String, ?> model) {
        return render(template(name), model);
    }

    /** Renders a template {@link #template} gave. */
    String render(Template template, Map<String, ?> model) {
        String name = template.getName();
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String failing = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            throw new TemplateFailure(shown(failing), lineOf(e), firstParagraph(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new TemplateFailure(shown(name), 0, "could not be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * The template as FreeMarker holds it: the same object until the file changes on disk (FreeMarker checks at
     * most every few seconds), then a new one, so its identity says which edit of the file it is.
     *
     * @throws TemplateFailure as {@link #render(String, Map)}
     */
    Template template(String name) {
        try {
            return configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new TemplateFailure(shown(name), 0, "no such template in " + displayDirectory + "/", e);
        } catch (ParseException e) {
            String failing = e.getTemplateName() != null ? e.getTemplateName() : name;
            throw new TemplateFailure(shown(failing), e.getLineNumber(), firstParagraph(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw new TemplateFailure(shown(name), 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The source text this template was parsed from, read again through the same loader; empty when the file
     * changed since, or cannot be read: what was read parses to another template than the one held.
     */
    Optional<String> sourceOf(Template template) {
        try {
            TemplateLoader loader = configuration.getTemplateLoader();
            Object found = loader.findTemplateSource(template.getSourceName());
            if (found == null) {
                return Optional.empty();
            }
            String source;
            try {
                source = readAll(loader.getReader(found, StandardCharsets.UTF_8.name()));
            } finally {
                loader.closeTemplateSource(found);
            }
            Template parsed = new Template(template.getName(), template.getSourceName(), new StringReader(source),
                    configuration);
            // Canonical forms are the parsed trees written out: equal forms, same behaviour.
            boolean same = parsed.toString().equals(template.toString())
                    && parsed.getOutputFormat() == template.getOutputFormat()
                    && parsed.getAutoEscaping() == template.getAutoEscaping();
            return same ? Optional.of(source) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringWriter text = new StringWriter(16 * 1024);
            reader.transferTo(text);
            return text.toString();
        }
    }

    private static FileTemplateLoader loaderFor(Path directory) {
        try {
            // The default FileTemplateLoader refuses names that resolve outside the directory, symlinks included.
            return new FileTemplateLoader(directory.toFile());
        } catch (IOException e) {
            throw new TemplateFailure(String.valueOf(directory), 0, "the templates directory cannot be used: " + e.getMessage(), e);
        }
    }

    private static Configuration hardened(FileTemplateLoader loader) {
        Configuration configuration = new Configuration(VERSION);
        configuration.setTemplateLoader(loader);
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setOutputEncoding(StandardCharsets.UTF_8.name());
        configuration.setURLEscapingCharset(StandardCharsets.UTF_8.name());
        // One template per file name: language versions differ in data, not in which file is picked.
        configuration.setLocalizedLookup(false);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setObjectWrapper(new SimpleObjectWrapper(VERSION));
        // A half-rendered email must never go out: every error aborts and reaches the caller, once.
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        return configuration;
    }

    private String shown(String name) {
        return displayDirectory + "/" + name;
    }

    private static int lineOf(TemplateException e) {
        return e.getLineNumber() != null ? e.getLineNumber() : 0;
    }

    /** FreeMarker appends tips and the template stack after a blank line; the operator needs the first part. */
    private static String firstParagraph(String message) {
        String text = message == null ? "failed" : message.strip();
        int end = text.indexOf("\n\n");
        return end < 0 ? text : text.substring(0, end);
    }
}
