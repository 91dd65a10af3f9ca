package org.broadside.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.model.PreconditionContainer;
import org.apache.camel.support.DefaultExchange;

/** A route's {@code precondition}, decided as Camel decides it when the route is added to a context. */
final class Preconditions {
    private Preconditions() {
    }

    static boolean included(CamelContext context, PreconditionContainer definition) {
        if (definition.getPrecondition() == null) {
            return true;
        }
        String predicate = context.resolvePropertyPlaceholders(definition.getPrecondition());
        return context.resolveLanguage("simple").createPredicate(predicate).matches(new DefaultExchange(context));
    }
}
