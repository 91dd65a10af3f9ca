package org.broadside.camel;

import java.util.Objects;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.ExpressionAdapter;

/**
 * Route steps, expressions and predicates that hand the message body to one method of a bean: what a
 * {@code bean: {ref, method}} step or a {@code method} expression does, without Camel choosing the method, binding
 * its parameters and calling it by reflection for every message. For a blast that machinery cost an eighth of the
 * CPU per email (README, Benchmarks), so the dispatch route's per-message calls are these, registered as beans
 * and named by {@code process: {ref: NAME}} (a step) or the {@code ref} language (a header's value, a filter).
 * The body is converted to the method's type by Camel's type converters, as a bean step would; whatever the method
 * throws reaches the route's error handling as a bean step's exception does.
 */
public final class BodyCalls {
    /** A bean's method, one body in and the next body out. */
    @FunctionalInterface
    public interface Call<T> {
        Object apply(T body) throws Exception;
    }

    /** A bean's method that takes a header's value and the body, and returns nothing. */
    @FunctionalInterface
    public interface HeaderCall<H, T> {
        void accept(H header, T body) throws Exception;
    }

    private BodyCalls() {
    }

    /**
     * A step whose result becomes the new body.
     *
     * @throws InvalidPayloadException (when run) if the body is missing or cannot become a {@code T}
     */
    public static <T> Processor step(Class<T> bodyType, Call<T> call) {
        Objects.requireNonNull(bodyType);
        Objects.requireNonNull(call);
        return exchange -> exchange.getMessage().setBody(call.apply(exchange.getMessage().getMandatoryBody(bodyType)));
    }

    /**
     * A step that hands a header's value and the body to a method returning nothing; the message stays as it was.
     *
     * @throws IllegalStateException (when run) naming the header if the message does not carry it
     */
    public static <H, T> Processor step(String header, Class<H> headerType, Class<T> bodyType, HeaderCall<H, T> call) {
        Objects.requireNonNull(header);
        Objects.requireNonNull(headerType);
        Objects.requireNonNull(bodyType);
        Objects.requireNonNull(call);
        return exchange -> {
            H value = exchange.getMessage().getHeader(header, headerType);
            if (value == null) {
                throw new IllegalStateException("no " + header + " header; the route sets it before this step");
            }
            call.accept(value, exchange.getMessage().getMandatoryBody(bodyType));
        };
    }

    /** A value computed from the body, such as a header's. */
    public static <T> Expression value(Class<T> bodyType, Function<T, ?> value) {
        Objects.requireNonNull(bodyType);
        Objects.requireNonNull(value);
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return value.apply(body(exchange, bodyType));
            }
        };
    }

    /** A filter's test of the body. */
    public static <T> Predicate test(Class<T> bodyType, java.util.function.Predicate<T> test) {
        Objects.requireNonNull(bodyType);
        Objects.requireNonNull(test);
        return exchange -> test.test(body(exchange, bodyType));
    }

    private static <T> T body(Exchange exchange, Class<T> bodyType) {
        try {
            return exchange.getMessage().getMandatoryBody(bodyType);
        } catch (InvalidPayloadException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
