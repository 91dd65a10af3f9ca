package org.broadside.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;
import org.broadside.App;
import org.broadside.config.Settings;

/** The beans routes/console.yaml names, built from the application's services and settings. */
public final class ConsoleBeans {
    private ConsoleBeans() {
    }

    /** Each bean's name and type, for {@code broadside check}, which knows the beans without building them. */
    public static Map<String, Class<?>> types() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("consoleApi", ConsoleApi.class);
        types.put("consoleAssets", ConsoleAssets.class);
        types.put("noStoreHeaders", NoStoreHeaderFilter.class);
        return types;
    }

    /** @param routes the pipeline's template, once its context exists (releasing now goes through a route) */
    public static Map<String, Object> create(App app, Supplier<ProducerTemplate> routes) {
        Settings settings = app.settings();
        ConsoleSessions sessions = new ConsoleSessions(app.clock(), settings.duration("broadside.console.session-idle"),
                settings.duration("broadside.console.session-max"), settings.bool("broadside.console.secure-cookie"));
        ConsoleApi api = new ConsoleApi(sessions, List.of(
                new SessionApi(new Operators(settings.home()), sessions, app.clock()),
                new StatementsApi(app, routes),
                new ReleasesApi(app),
                new ContactsApi(app)));
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("consoleApi", api);
        beans.put("consoleAssets", new ConsoleAssets());
        beans.put("noStoreHeaders", new NoStoreHeaderFilter());
        return beans;
    }
}
