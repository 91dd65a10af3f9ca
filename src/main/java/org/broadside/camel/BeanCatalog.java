package org.broadside.camel;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

/**
 * The beans a route can name, by name and type: a route's {@code ref} must name one of them, and its
 * {@code method} one of that type's public methods; a {@code process} step's bean must be a Processor, and one
 * the {@code ref} language names an Expression or a Predicate. Built from the application's beans in the service,
 * and from their declared types by {@code broadside check}, which opens no database.
 */
public final class BeanCatalog {
    private final Map<String, Class<?>> types;

    private BeanCatalog(Map<String, Class<?>> types) {
        this.types = Map.copyOf(types);
    }

    public static BeanCatalog ofTypes(Map<String, Class<?>> types) {
        return new BeanCatalog(types);
    }

    public static BeanCatalog ofBeans(Map<String, ?> beans) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        beans.forEach((name, bean) -> types.put(name, bean.getClass()));
        return new BeanCatalog(types);
    }

    /**
     * Binds, into a context that only checks routes, the beans an endpoint option can name ({@code #noStoreHeaders}):
     * creating the endpoint looks such a bean up and needs an object of its type. Only beans built without
     * arguments (filters, strategies) can be made here, with no database or server behind them; that is what
     * endpoint options name.
     */
    void bindStandIns(org.apache.camel.spi.Registry registry) {
        types.forEach((name, type) -> {
            try {
                registry.bind(name, type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException needsTheApplication) {
                // Named by routes only as a bean to call, which the check verifies by type.
            }
        });
    }

    /** Why no bean answers to {@code ref}, if none does. */
    Optional<String> missingBean(String ref) {
        return types.containsKey(ref) ? Optional.empty()
                : Optional.of("no bean named '" + ref + "'; the beans are " + new TreeSet<>(types.keySet()));
    }

    /** Why the bean {@code ref} cannot be a {@code process} step, if it cannot: it is not a Camel Processor. */
    Optional<String> notAProcessor(String ref) {
        Class<?> type = types.get(ref);
        return type == null || Processor.class.isAssignableFrom(type) ? Optional.empty()
                : Optional.of("bean '" + ref + "' is not a processor; call one of its methods with"
                        + " bean: {ref: " + ref + ", method: NAME}");
    }

    /** Why the bean {@code ref} cannot be named by the {@code ref} language, if it cannot: it computes nothing. */
    Optional<String> notAnExpression(String ref) {
        Class<?> type = types.get(ref);
        return type == null || Expression.class.isAssignableFrom(type) || Predicate.class.isAssignableFrom(type)
                ? Optional.empty()
                : Optional.of("bean '" + ref + "' is neither an expression nor a predicate; call one of its methods"
                        + " with method: {ref: " + ref + ", method: NAME}");
    }

    /** Why the bean {@code ref} has no method {@code method} (a name, optionally with arguments), if it has none. */
    Optional<String> missingMethod(String ref, String method) {
        Class<?> type = types.get(ref);
        if (type == null || method == null || method.isBlank()) {
            return Optional.empty();
        }
        String name = method.contains("(") ? method.substring(0, method.indexOf('(')).strip() : method.strip();
        boolean found = Arrays.stream(type.getMethods())
                .filter(each -> Modifier.isPublic(each.getModifiers()) && each.getDeclaringClass() != Object.class)
                .map(Method::getName).anyMatch(name::equals);
        return found ? Optional.empty() : Optional.of("bean '" + ref + "' has no method '" + name + "'");
    }
}
