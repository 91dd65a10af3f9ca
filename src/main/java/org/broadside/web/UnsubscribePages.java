package org.broadside.web;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.broadside.audience.ContactStore;
import org.broadside.dispatch.UnsubscribeLinks;

/**
 * The pages behind every email's List-Unsubscribe URL. A POST is RFC 8058's one-click unsubscribe: no cookie,
 * no login, only the signed token, and it suppresses the address at once. A GET changes nothing (mail scanners
 * open links) and shows a page whose button makes that POST. A forged or altered token changes nothing.
 */
public final class UnsubscribePages {
    static final String REASON = "unsubscribe";

    private final UnsubscribeLinks links;
    private final ContactStore contacts;

    public UnsubscribePages(UnsubscribeLinks links, ContactStore contacts) {
        this.links = links;
        this.contacts = contacts;
    }

    /** POST: suppresses the address the token was signed for. */
    public void unsubscribe(Exchange exchange) {
        Optional<String> recipient = recipient(exchange);
        if (recipient.isEmpty()) {
            refuse(exchange);
            return;
        }
        contacts.suppress(recipient.get(), REASON, "one-click unsubscribe");
        page(exchange, 200, "Unsubscribed", "<p>You will receive no more emails from us.</p>");
    }

    /** GET: asks to confirm, with a button that posts the same token. */
    public void confirm(Exchange exchange) {
        Optional<String> recipient = recipient(exchange);
        if (recipient.isEmpty()) {
            refuse(exchange);
            return;
        }
        String token = Html.escape(exchange.getMessage().getHeader("token", String.class));
        page(exchange, 200, "Unsubscribe",
                "<p>Stop emails to " + Html.escape(recipient.get()) + "?</p>"
                        + "<form method=\"post\" action=\"?token=" + token + "\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    private Optional<String> recipient(Exchange exchange) {
        return links.recipientOf(exchange.getMessage().getHeader("token", String.class));
    }

    private static void refuse(Exchange exchange) {
        page(exchange, 400, "Link not valid", "<p>This unsubscribe link is not valid. Nothing was changed.</p>");
    }

    private static void page(Exchange exchange, int status, String title, String body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        exchange.getMessage().setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'");
        exchange.getMessage().setHeader("Referrer-Policy", "no-referrer");
        exchange.getMessage().setBody("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>");
    }
}
