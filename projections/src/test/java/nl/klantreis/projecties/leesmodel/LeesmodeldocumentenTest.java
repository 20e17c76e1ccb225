package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every document a read model stores (the document type of every {@link Documentleesregels} in the
 * main code, as {@link LeesmodelConfiguratie} registers them) has its approved JSON in
 * {@code leesmodeldocumenten/}, so a new read model cannot escape {@link Leesmodeldocumenten}.
 */
class LeesmodeldocumentenTest {

    @Test
    void elkOpgeslagenDocumenttypeHeeftEenGoedgekeurdDocument() {
        List<Class<?>> documenttypen = documenttypen();

        assertThat(documenttypen).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("Kanaaldag", "Klantdossier", "Zaakdossier");
        assertThat(documenttypen).allSatisfy(type -> assertThat(
                Files.exists(Leesmodeldocumenten.GOEDGEKEURD.resolve(type.getSimpleName() + ".json")))
                .as("goedgekeurd document voor %s", type.getName()).isTrue());
    }

    private static List<Class<?>> documenttypen() {
        // Every read model switched on, including those off by default (@ConditionalOnProperty).
        StandardEnvironment allesAan = new StandardEnvironment();
        allesAan.getPropertySources().addFirst(new MapPropertySource("alles-aan",
                Map.of("klantreis.leesmodellen.kanaaldag", "true")));
        ClassPathScanningCandidateComponentProvider zoeker =
                new ClassPathScanningCandidateComponentProvider(false, allesAan);
        zoeker.addIncludeFilter(new AssignableTypeFilter(Documentleesregels.class));
        return zoeker.findCandidateComponents("nl.klantreis").stream()
                .map(kandidaat -> ClassUtils.resolveClassName(kandidaat.getBeanClassName(), null))
                .filter(LeesmodeldocumentenTest::hoofdcode)
                .<Class<?>>map(regels -> ResolvableType.forClass(regels).as(Documentleesregels.class).getGeneric(0).resolve())
                .toList();
    }

    /** Test read models (in test-classes) store nothing the engine keeps. */
    private static boolean hoofdcode(Class<?> type) {
        return !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }
}
