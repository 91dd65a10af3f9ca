package org.broadside.render;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.broadside.audience.Contact;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Builds the email one recipient gets: a multipart/alternative message, text/plain first and text/html
 * last (clients show the last part they can display), both UTF-8, from the templates
 * {@code email/<format>.txt.ftl} and {@code email/<format>.html.ftlh}.
 *
 * <p>Headers carry the one-click unsubscribe of RFC 8058 and our own Message-ID. Every header value
 * that comes from data is checked for line breaks here, whatever the parser already refused. The body is written
 * into bytes once ({@link AlternativeBody}) and the message is handed over saved, so sending and DKIM signing
 * write those bytes instead of serializing a MIME tree.
 * Instances are thread-safe.
 */
public final class EmailComposer {
    private static final String CHARSET = StandardCharsets.UTF_8.name();
    private static final String EMBARGOED_PREFIX = "EMBARGOED: ";

    private final Templates templates;
    private final Session session;
    private final MailIdentity identity;
    private final ShareKit shareKit;
    private final ParsedBodies bodies = new ParsedBodies();
    private final EmailSkeletons skeletons;
    private final EncodedSubjects subjects = new EncodedSubjects();
    private final DateHeaders dates = new DateHeaders();
    /** Folded once: the setters fold them again for every email (see {@link HeaderFolding}). */
    private final String fromHeader;
    private final String replyToHeader;

    public EmailComposer(Templates templates, Session session, MailIdentity identity) {
        this(templates, session, identity, ShareKit.NONE);
    }

    /** @param shareKit the social posts member emails offer to share, in the member's language */
    public EmailComposer(Templates templates, Session session, MailIdentity identity, ShareKit shareKit) {
        this.templates = templates;
        this.session = session;
        this.identity = identity;
        this.shareKit = shareKit;
        this.skeletons = new EmailSkeletons(templates, this::model);
        this.fromHeader = InternetAddress.toString(new Address[] {identity.from()}, "From: ".length());
        this.replyToHeader = InternetAddress.toString(new Address[] {identity.replyTo()}, "Reply-To: ".length());
    }

    /**
     * The subject and both bodies, exactly as {@link #compose} sends them; the preview writes these.
     *
     * @throws TemplateFailure when a template is missing or fails
     */
    public RenderedEmail render(EmailRequest request) {
        Map<String, Object> model = model(request);
        String templateBase = templateBase(request);
        return new RenderedEmail(
                subject(request),
                templates.render(templateBase + ".txt.ftl", model),
                templates.render(templateBase + ".html.ftlh", model));
    }

    /**
     * The complete message, headers saved, ready for a transport or {@code writeTo}; an SMTPMessage, so that the
     * caller can give it an envelope sender of its own.
     *
     * @throws IllegalArgumentException naming the header when a value would break it (CR/LF, a bad address)
     * @throws TemplateFailure          when a template is missing or fails
     */
    public SMTPMessage compose(EmailRequest request) {
        String messageId = HeaderValues.messageId(request.messageId());
        String listUnsubscribe = listUnsubscribe(request);
        InternetAddress to = recipientAddress(request.recipient());
        AlternativeBody body = body(request);
        String subject = HeaderValues.singleLine("Subject", subject(request));
        String language = HeaderValues.singleLine("Content-Language", request.version().language());
        try {
            StableIdMessage message = new StableIdMessage(session, messageId);
            // What setFrom, setReplyTo and setRecipient write (this session leaves mail.mime.allowutf8 off).
            message.setHeader("From", fromHeader);
            message.setHeader("Reply-To", replyToHeader);
            message.setHeader("To", HeaderFolding.address("To", to));
            message.setEncodedSubject(subject, subjects.of(subject));
            message.setHeader("Date", dates.of(request.date()));
            message.setHeader("Content-Language", language);
            message.setHeader("List-Unsubscribe", HeaderFolding.fold("List-Unsubscribe: ".length(), listUnsubscribe));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setSavedBody(body);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the email " + messageId + " to " + to.getAddress(), e);
        }
    }

    /** Press lists get embargoed press releases with the embargo in the subject, where a busy desk sees it first. */
    private static String subject(EmailRequest request) {
        boolean embargoed = request.format() == Format.PRESS && request.embargoUntil().isPresent();
        return embargoed ? EMBARGOED_PREFIX + request.version().title() : request.version().title();
    }

    private static String listUnsubscribe(EmailRequest request) {
        return "<" + HeaderValues.unsubscribeUri("https", request.unsubscribeUrl()) + ">, <"
                + HeaderValues.unsubscribeUri("mailto", request.unsubscribeMailto()) + ">";
    }

    private static InternetAddress recipientAddress(Contact recipient) {
        String address = HeaderValues.singleLine("To", recipient.address());
        String displayName = recipient.displayName();
        try {
            InternetAddress to = displayName == null
                    ? new InternetAddress(address)
                    : new InternetAddress(address, HeaderValues.singleLine("To", displayName), CHARSET);
            return HeaderValues.requireAddress("To", to);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("To header: not a valid address: '" + address + "'", e);
        }
    }

    /**
     * Both parts, encoded: filled into skeletons shared by the recipients of the same version and format when both
     * templates allow it (see {@link EmailSkeletons}), else rendered for this recipient alone. Either way
     * the texts are the ones {@link #render} gives.
     */
    private AlternativeBody body(EmailRequest request) {
        EncodedText[] parts = skeletons.encode(request, templateBase(request)).orElseGet(() -> {
            RenderedEmail email = render(request);
            return new EncodedText[] {TextPartEncoder.encoded(email.text()), TextPartEncoder.encoded(email.html())};
        });
        return AlternativeBody.of(parts[0], parts[1]);
    }

    private Map<String, Object> model(EmailRequest request) {
        return EmailModel.of(request, bodies.of(request.version()), shareKit);
    }

    private static String templateBase(EmailRequest request) {
        return "email/" + request.format().key();
    }
}
