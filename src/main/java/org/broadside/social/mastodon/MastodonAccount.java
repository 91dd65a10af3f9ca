package org.broadside.social.mastodon;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadside.config.Settings;
import org.broadside.dispatch.DeliveryFailedException;
import org.broadside.social.LengthRule;
import org.broadside.social.MastodonRule;
import org.broadside.social.Network;
import org.broadside.social.PostToPublish;
import org.broadside.social.PublishedPost;
import org.broadside.social.SocialAccount;

/**
 * A Mastodon account, posted to with {@code POST /api/v1/statuses} and the access token of an application the
 * account created. Every request carries the post's Idempotency-Key: Mastodon answers a repeated key with the
 * status it created the first time (for as long as it remembers the key, an hour), so a retry after a lost
 * answer or a crash does not post twice.
 */
public final class MastodonAccount implements SocialAccount {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A status is a small request; an instance that has not answered in this long is treated as down. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final MastodonSettings settings;
    private final HttpClient http;
    private final MastodonAnswers answers;
    private final MastodonInstance instance;
    private final Clock clock;

    MastodonAccount(MastodonSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // Never follow a redirect: it would carry the token to another address; a redirect fails the post instead.
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.answers = new MastodonAnswers(clock);
        this.instance = new MastodonInstance(http, settings.endpoint("/api/v2/instance"), REQUEST_TIMEOUT);
    }

    /**
     * The account {@code broadside.mastodon.*} configures, or empty when no instance is set (posting is off).
     *
     * @throws org.broadside.config.ConfigurationException naming the setting that is missing or wrong
     */
    public static Optional<MastodonAccount> from(Settings settings, Clock clock) {
        return MastodonSettings.from(settings).map(mastodon -> new MastodonAccount(mastodon, clock));
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    /**
     * The length rule posts are fitted to: the instance's own limits (its {@code max_characters} and characters
     * per URL), read on first use, or {@code configured} while the instance cannot be reached.
     */
    public LengthRule lengthRule(MastodonRule configured) {
        return new InstanceLengthRule(instance::rule, configured, clock);
    }

    @Override
    public PublishedPost publish(PostToPublish post) {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint("/api/v1/statuses"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + settings.token())
                .header("Idempotency-Key", post.idempotencyKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(post)))
                .build();
        return answers.published(send(request));
    }

    private String form(PostToPublish post) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", post.text());
        fields.put("language", post.language());
        fields.put("visibility", settings.visibility());
        if (post.parent() != null) {
            fields.put("in_reply_to_id", post.parent().id());
        }
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A connection refused, reset or timed out may or may not have posted: temporary, the key makes it safe. */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailedException("Mastodon at " + settings.instance().getHost() + " not reached: " + e,
                    false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while posting to Mastodon", false, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MastodonAccount[" + settings + "]";
    }
}
