package nl.klantreis.api.paginas.mijnzaken;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;

import nl.klantreis.api.paginas.Nederlands;

/**
 * The status part of the zaak page rendered on its own, for the live update: the same template
 * and fragment ({@value #SJABLOON} {@code ::} {@value #FRAGMENT}) as the page itself, so page and
 * update cannot say different things.
 */
@Component
class Statusfragment {
    static final String SJABLOON = "paginas/mijnzaken/zaak";
    static final String FRAGMENT = "status";

    private final ISpringWebFluxTemplateEngine sjablonen;

    Statusfragment(ISpringWebFluxTemplateEngine sjablonen) {
        this.sjablonen = sjablonen;
    }

    /** The fragment's HTML for this zaak (CPU only: it may run on any thread). */
    String html(Zaakweergave.Zaak zaak) {
        return sjablonen.process(SJABLOON, Set.of(FRAGMENT), new Context(Nederlands.TAAL, Map.of("zaak", zaak))).strip();
    }
}
