package org.broadside.render;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.broadside.audience.Contact;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Builds the email one recipient gets: a multipart/alternative message, text/plain first and text/html
 * last (clients show the last part they can display), both UTF-8, from the templates
 * {@code email/<format>.txt.ftl} and {@code email/<format>.html.ftlh}.
 *
 * <p>Headers carry the one-click unsubscribe of RFC 8058 and our own Message-ID. Every header value
 * that comes from data is checked for line breaks here, whatever the parser already refused.
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

    public EmailComposer(Templates templates, Session session, MailIdentity identity) {
        this(templates, session, identity, ShareKit.NONE);
    }

    /** @param shareKit the social posts member emails offer to share, in the member's language */
    public EmailComposer(Templates templates, Session session, MailIdentity identity, ShareKit shareKit) {
        this.templates = templates;
        this.session = session;
        this.identity = identity;
        this.shareKit = shareKit;
    }

    /**
     * The subject and both bodies, exactly as {@link #compose} sends them; the preview writes these.
     *
     * @throws TemplateFailure when a template is missing or fails
     */
    public RenderedEmail render(EmailRequest request) {
        Map<String, Object> model = EmailModel.of(request, bodies.of(request.version()), shareKit);
        String templateBase = "email/" + request.format().key();
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
        RenderedEmail email = render(request);
        String subject = HeaderValues.singleLine("Subject", email.subject());
        String language = HeaderValues.singleLine("Content-Language", request.version().language());
        try {
            SMTPMessage message = new StableIdMessage(session, messageId);
            message.setFrom(identity.from());
            message.setReplyTo(new Address[] {identity.replyTo()});
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(subject, CHARSET);
            message.setSentDate(Date.from(request.date()));
            message.setHeader("Content-Language", language);
            message.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe: ".length(), listUnsubscribe));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setContent(alternatives(email));
            message.saveChanges();
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

    private static MimeMultipart alternatives(RenderedEmail email) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(TextPartEncoder.part(email.text(), "plain"));
        alternatives.addBodyPart(TextPartEncoder.part(email.html(), "html"));
        return alternatives;
    }
}
