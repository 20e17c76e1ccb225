package nl.klantreis.api.ingestie;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every {@link Berichtsoort} of this package, found on the class path once, at class load: a new
 * message type is then one file (its record with its {@code Soort}), with no list to extend here,
 * in {@link Berichttypen} or in the keuring. Plain Spring scanning rather than beans, because the
 * keuring is also built without a Spring context (tests, the simulator's checks).
 */
final class Berichtsoorten {
    private static final Map<String, Berichtsoort> PER_TYPE = zoek();

    private Berichtsoorten() {
    }

    /** The reader of a type, or {@code null} for a type the contract does not know. */
    static Berichtsoort van(String type) {
        return type == null ? null : PER_TYPE.get(type);
    }

    static Map<String, Berichtsoort> alle() {
        return PER_TYPE;
    }

    private static Map<String, Berichtsoort> zoek() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        // This package's own loader, not the thread's: the first use may be on any worker thread,
        // and in the packaged jar only the application's loader sees the nested classes.
        scanner.setResourceLoader(new PathMatchingResourcePatternResolver(Berichtsoort.class.getClassLoader()));
        scanner.addIncludeFilter(new AssignableTypeFilter(Berichtsoort.class));
        Map<String, Berichtsoort> soorten = scanner.findCandidateComponents(Berichtsoort.class.getPackageName()).stream()
                .map(Berichtsoorten::maak)
                .collect(Collectors.toMap(Berichtsoort::type, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("twee berichtsoorten voor " + a.type());
                }, TreeMap::new));
        if (soorten.isEmpty()) {
            throw new IllegalStateException("geen berichtsoorten gevonden in " + Berichtsoort.class.getPackageName());
        }
        return Map.copyOf(soorten);
    }

    private static Berichtsoort maak(BeanDefinition definitie) {
        try {
            Class<?> klasse = Class.forName(definitie.getBeanClassName(), true, Berichtsoort.class.getClassLoader());
            var maker = klasse.getDeclaredConstructor();
            maker.setAccessible(true);
            return (Berichtsoort) maker.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("berichtsoort " + definitie.getBeanClassName() + " is niet te maken", e);
        }
    }
}
