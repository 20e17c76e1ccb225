package nl.klantreis.domein.referentie;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The zaaktypen the engine knows, with their statustypen. */
public final class Catalogus {
    private final Map<String, Zaaktype> zaaktypen = new LinkedHashMap<>();

    public Catalogus(List<Zaaktype> zaaktypen) {
        for (Zaaktype zaaktype : zaaktypen) {
            if (this.zaaktypen.put(zaaktype.code(), zaaktype) != null) {
                throw new IllegalArgumentException("zaaktype dubbel: " + zaaktype.code());
            }
        }
    }

    public Optional<Zaaktype> zaaktype(String code) {
        return Optional.ofNullable(code).map(zaaktypen::get);
    }

    /** A status for a zaak not yet known is kept only when some zaaktype has its statustype. */
    public boolean statustypeBestaat(String statustype) {
        return zaaktypen.values().stream().anyMatch(z -> z.statustype(statustype).isPresent());
    }

    /** Likewise for a result of a zaak not yet known. */
    public boolean resultaatBestaat(String resultaat) {
        return zaaktypen.values().stream().anyMatch(z -> z.resultaten().contains(resultaat));
    }

    /** The largest verlenging any zaaktype allows: a bound known before the zaak is. */
    public int grootsteVerlengingDagen() {
        return zaaktypen.values().stream().filter(Zaaktype::verlengingMogelijk)
                .mapToInt(Zaaktype::verlengingDagen).max().orElse(0);
    }

    public Collection<Zaaktype> alle() {
        return zaaktypen.values();
    }
}
