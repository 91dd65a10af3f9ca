package org.broadside.camel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ExecutorServiceAwareDefinition;
import org.apache.camel.model.HasExpressionType;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.apache.camel.model.language.RefExpression;

/**
 * Everything a route or route configuration refers to outside itself, each with the line of the step that
 * refers to it: the endpoints it consumes from or sends to, the beans and processors it calls and the Simple
 * expressions it evaluates. These are what Camel would only resolve when it builds the route, so a check has to
 * look for them.
 */
final class RouteReferences {
    /** A static endpoint URI (dynamic {@code toD} URIs are only known per message and are not listed). */
    record EndpointUse(String uri, int line) {
    }

    /** A bean called by name, from a {@code bean} step, a {@code method} expression or an executor service. */
    record BeanUse(String ref, String method, int line) {
    }

    /** A processor bean, from a {@code process} step: it must exist and be a Camel {@code Processor}. */
    record ProcessorUse(String ref, int line) {
    }

    /** A bean named by the {@code ref} language: it must exist and be a Camel Expression or Predicate. */
    record ValueUse(String ref, int line) {
    }

    record SimpleUse(String expression, int line) {
    }

    final List<EndpointUse> endpoints = new ArrayList<>();
    final List<BeanUse> beans = new ArrayList<>();
    final List<ProcessorUse> processors = new ArrayList<>();
    final List<ValueUse> values = new ArrayList<>();
    final List<SimpleUse> simples = new ArrayList<>();
    private final Set<ProcessorDefinition<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private RouteReferences() {
    }

    static RouteReferences of(RouteDefinition route) {
        RouteReferences references = new RouteReferences();
        references.endpoints.add(new EndpointUse(route.getInput().getEndpointUri(), route.getInput().getLineNumber()));
        references.walk(route.getOutputs());
        return references;
    }

    static RouteReferences of(RouteConfigurationDefinition configuration) {
        RouteReferences references = new RouteReferences();
        references.walk(configuration.getOnExceptions());
        references.walk(configuration.getOnCompletions());
        references.walk(configuration.getIntercepts());
        references.walk(configuration.getInterceptFroms());
        references.walk(configuration.getInterceptSendTos());
        return references;
    }

    private void walk(List<?> nodes) {
        for (Object node : nodes) {
            if (node instanceof ProcessorDefinition<?> definition && seen.add(definition)) {
                visit(definition);
            }
        }
    }

    private void visit(ProcessorDefinition<?> node) {
        int line = node.getLineNumber();
        if (node instanceof EndpointRequiredDefinition send && !(node instanceof ToDynamicDefinition)
                && send.getEndpointUri() != null) {
            endpoints.add(new EndpointUse(send.getEndpointUri(), line));
        }
        if (node instanceof BeanDefinition bean && bean.getRef() != null) {
            beans.add(new BeanUse(bean.getRef(), bean.getMethod(), line));
        }
        if (node instanceof ProcessDefinition process && process.getRef() != null) {
            processors.add(new ProcessorUse(process.getRef(), line));
        }
        if (node instanceof ExecutorServiceAwareDefinition<?> pooled && pooled.getExecutorServiceRef() != null) {
            beans.add(new BeanUse(pooled.getExecutorServiceRef(), null, line));
        }
        if (node instanceof HasExpressionType expressive && expressive.getExpressionType() != null) {
            expression(expressive.getExpressionType(), line);
        }
        if (node instanceof ChoiceDefinition choice) {
            walk(choice.getWhenClauses());
            if (choice.getOtherwise() != null) {
                walk(List.of(choice.getOtherwise()));
            }
        }
        walk(node.getOutputs());
    }

    private void expression(ExpressionDefinition expression, int line) {
        if (expression instanceof MethodCallExpression call && call.getRef() != null) {
            beans.add(new BeanUse(call.getRef(), call.getMethod(), line));
        } else if (expression instanceof RefExpression ref && ref.getExpression() != null) {
            values.add(new ValueUse(ref.getExpression(), line));
        } else if ("simple".equals(expression.getLanguage()) && expression.getExpression() != null) {
            simples.add(new SimpleUse(expression.getExpression(), line));
        }
    }
}
