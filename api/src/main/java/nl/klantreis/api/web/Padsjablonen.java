package nl.klantreis.api.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The route template of a path, for requests refused before routing (a 401 or 403 at the door):
 * the templates of the API and the pages as the controllers declare them, most specific first, so
 * {@code /api/v1/mijnzaken/123} is {@code /api/v1/mijnzaken/{zaakId}}. A path that matches no route
 * falls in one of a few fixed buckets ({@code /api/**}, {@code /actuator/**}, {@code /**}), so what
 * an attacker types never becomes a metric tag or a log field of its own: the set of answers is
 * bounded by the routes.
 */
@Component
public class Padsjablonen {
    private final ObjectProvider<RequestMappingInfoHandlerMapping> afbeeldingen;
    private volatile List<PathPattern> sjablonen;

    Padsjablonen(ObjectProvider<RequestMappingInfoHandlerMapping> afbeeldingen) {
        this.afbeeldingen = afbeeldingen;
    }

    /** The template of the route this path matches, or its bucket. */
    public String van(String pad) {
        if (pad == null || pad.isEmpty()) {
            return "/**";
        }
        PathContainer container = PathContainer.parsePath(pad);
        for (PathPattern sjabloon : sjablonen()) {
            if (sjabloon.matches(container)) {
                return sjabloon.getPatternString();
            }
        }
        if (pad.startsWith("/api/")) {
            return "/api/**";
        }
        if (pad.startsWith("/actuator/")) {
            return "/actuator/**";
        }
        return "/**";
    }

    // Read once the handler mappings exist (not at construction: they may be made after this bean).
    private List<PathPattern> sjablonen() {
        List<PathPattern> bekend = sjablonen;
        if (bekend == null) {
            List<PathPattern> alle = new ArrayList<>();
            afbeeldingen.orderedStream().forEach(afbeelding -> afbeelding.getHandlerMethods().keySet()
                    .forEach(info -> alle.addAll(info.getPatternsCondition().getPatterns())));
            // Every controller's templates, the pages' too: a refused page is logged by its route.
            alle.sort(PathPattern.SPECIFICITY_COMPARATOR);
            bekend = List.copyOf(alle);
            sjablonen = bekend;
        }
        return bekend;
    }
}
