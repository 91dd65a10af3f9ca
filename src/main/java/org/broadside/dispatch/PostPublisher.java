package org.broadside.dispatch;

import java.util.EnumMap;
import java.util.Map;
import org.broadside.social.Network;
import org.broadside.social.PublishedPost;
import org.broadside.social.SocialAccount;

/** Publishes a claimed post through the configured account of its network (routes/social-post.yaml). */
public final class PostPublisher {
    private final Map<Network, SocialAccount> accounts;

    public PostPublisher(Map<Network, SocialAccount> accounts) {
        this.accounts = accounts.isEmpty() ? Map.of() : new EnumMap<>(accounts);
    }

    /**
     * @throws DeliveryFailedException permanent when the network's account is no longer configured (its rows
     *                                 were written by a run that had one): only configuration can change that
     */
    public PublishedPost publish(PostDelivery post) {
        SocialAccount account = accounts.get(post.network());
        if (account == null) {
            throw new DeliveryFailedException("no " + post.network().key() + " account is configured (see"
                    + " broadside." + post.network().key() + ".* in the README)", true, null);
        }
        return account.publish(post.toPublish());
    }
}
