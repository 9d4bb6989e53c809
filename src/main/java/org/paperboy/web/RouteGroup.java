package org.paperboy.web;

import io.javalin.config.RoutesConfig;

/** One feature's routes; {@link WebServer} adds each group to the routes table in the order given. */
@FunctionalInterface
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
