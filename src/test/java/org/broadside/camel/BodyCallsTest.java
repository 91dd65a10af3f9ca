package org.broadside.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BodyCallsTest {
    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private Exchange withBody(Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("deliveryId", 7L);
        return exchange;
    }

    @Test
    void theMethodsResultBecomesTheBodyAndHeadersStay() throws Exception {
        Exchange exchange = withBody("250 ok");

        BodyCalls.step(String.class, reply -> reply.length()).process(exchange);

        assertThat(exchange.getMessage().getBody()).isEqualTo(6);
        assertThat(exchange.getMessage().getHeader("deliveryId")).isEqualTo(7L);
    }

    @Test
    void aBodyOfAnotherTypeIsConvertedAsABeanStepWouldConvertIt() throws Exception {
        Exchange exchange = withBody(42);

        BodyCalls.step(String.class, text -> text + "!").process(exchange);

        assertThat(exchange.getMessage().getBody()).isEqualTo("42!");
    }

    @Test
    void whatTheMethodThrowsReachesTheRouteUnwrapped() {
        IOException refused = new IOException("421 closing");

        assertThatThrownBy(() -> BodyCalls.step(String.class, reply -> {
            throw refused;
        }).process(withBody("x"))).isSameAs(refused);
    }

    @Test
    void aHeaderStepHandsTheHeaderAndTheBodyToItsMethodAndLeavesTheMessageAsItWas() throws Exception {
        Exchange exchange = withBody("250 ok");
        List<String> recorded = new ArrayList<>();

        BodyCalls.step("deliveryId", Long.class, String.class, (id, reply) -> recorded.add(id + ": " + reply))
                .process(exchange);

        assertThat(recorded).containsExactly("7: 250 ok");
        assertThat(exchange.getMessage().getBody()).isEqualTo("250 ok");
    }

    @Test
    void aHeaderStepWithoutItsHeaderFailsNamingItWithoutCallingTheMethod() {
        Exchange exchange = withBody("250 ok");
        exchange.getMessage().removeHeader("deliveryId");

        assertThatThrownBy(() -> BodyCalls.step("deliveryId", Long.class, String.class, (id, reply) -> {
            throw new AssertionError("called");
        }).process(exchange)).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no deliveryId header");
    }

    @Test
    void aValueIsComputedFromTheBodyAndAFilterTestsIt() {
        Exchange exchange = withBody("250 ok");

        assertThat(BodyCalls.value(String.class, String::length).evaluate(exchange, Integer.class)).isEqualTo(6);
        assertThat(BodyCalls.test(String.class, reply -> reply.startsWith("250")).matches(exchange)).isTrue();
        assertThat(BodyCalls.test(String.class, reply -> reply.startsWith("4")).matches(exchange)).isFalse();
    }

    @Test
    void aMissingBodyFailsAValueOrATestWithoutCallingTheMethod() {
        assertThatThrownBy(() -> BodyCalls.value(String.class, reply -> {
            throw new AssertionError("called");
        }).evaluate(withBody(null), Object.class)).hasCauseInstanceOf(InvalidPayloadException.class);
        assertThatThrownBy(() -> BodyCalls.test(String.class, reply -> {
            throw new AssertionError("called");
        }).matches(withBody(null))).hasCauseInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void aMissingBodyFailsTheStepWithoutCallingTheMethod() {
        assertThatThrownBy(() -> BodyCalls.step(String.class, reply -> {
            throw new AssertionError("called");
        }).process(withBody(null))).isInstanceOf(InvalidPayloadException.class);
    }
}
