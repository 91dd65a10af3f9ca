package org.broadside.camel;

import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * A route step that hands the message body to a bean's method and makes what it returns the new body: what a
 * {@code bean: {ref, method}} step does, without Camel choosing the method, binding its parameters and calling it
 * by reflection for every message. For a blast that machinery cost an eighth of the CPU per email (README,
 * Benchmarks), so the dispatch route's per-message steps are these, registered as beans under the step's name and
 * called with {@code process: {ref: NAME}}. Whatever the method throws reaches the route's error handling as a
 * bean step's exception does.
 *
 * @param <T> the body the method takes
 */
public final class BodyStep<T> implements Processor {
    /** A bean's method, one body in and the next body out. */
    @FunctionalInterface
    public interface Call<T> {
        Object apply(T body) throws Exception;
    }

    private final Class<T> bodyType;
    private final Call<T> call;

    private BodyStep(Class<T> bodyType, Call<T> call) {
        this.bodyType = Objects.requireNonNull(bodyType);
        this.call = Objects.requireNonNull(call);
    }

    /** A step for bodies of {@code bodyType} (converted by Camel's type converters if they are not already). */
    public static <T> BodyStep<T> of(Class<T> bodyType, Call<T> call) {
        return new BodyStep<>(bodyType, call);
    }

    /** @throws org.apache.camel.InvalidPayloadException when the body is missing or cannot become a {@code T} */
    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        message.setBody(call.apply(message.getMandatoryBody(bodyType)));
    }

    @Override
    public String toString() {
        return "BodyStep[" + bodyType.getSimpleName() + "]";
    }
}
