package org.broadside.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the JSON API: a method, a path pattern whose {@code {name}} segments are parameters, the
 * least role that may call it (null: no session needed) and what it does.
 */
record ApiRoute(String method, String pattern, Role role, Handler handler, Pattern regex, List<String> names) {

    /** What an endpoint does with a call and its path parameters, answering through the call. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpCall call, PathParameters parameters) throws Exception;
    }

    /** The values of the pattern's {@code {name}} segments in one request path. */
    record PathParameters(List<String> names, List<String> values) {
        String get(String name) {
            return values.get(names.indexOf(name));
        }
    }

    static ApiRoute of(String method, String pattern, Role role, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(pattern.substring(last, parameter.start()))).append("([^/]+)");
            names.add(parameter.group(1));
            last = parameter.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return new ApiRoute(method, pattern, role, handler, Pattern.compile(regex.toString()), List.copyOf(names));
    }

    /** The path parameters, when the path is this route's. */
    Optional<PathParameters> match(String path) {
        Matcher matcher = regex.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            values.add(java.net.URLDecoder.decode(matcher.group(group), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(new PathParameters(names, values));
    }
}
