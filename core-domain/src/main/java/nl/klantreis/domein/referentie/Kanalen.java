package nl.klantreis.domein.referentie;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The kanaal list: resolves a code or an alias (case and surrounding spaces ignored) to its kanaal. */
public final class Kanalen {
    private final Map<String, Kanaal> opCode = new LinkedHashMap<>();
    private final Map<String, Kanaal> opNaam = new LinkedHashMap<>();

    public Kanalen(List<Kanaal> kanalen) {
        for (Kanaal kanaal : kanalen) {
            if (opCode.put(kanaal.code(), kanaal) != null) {
                throw new IllegalArgumentException("kanaalcode dubbel: " + kanaal.code());
            }
            registreer(kanaal.code(), kanaal);
            kanaal.aliassen().forEach(alias -> registreer(alias, kanaal));
        }
    }

    private void registreer(String naam, Kanaal kanaal) {
        Kanaal eerder = opNaam.put(sleutel(naam), kanaal);
        if (eerder != null && eerder != kanaal) {
            throw new IllegalArgumentException("kanaalnaam '" + naam + "' hoort bij twee kanalen");
        }
    }

    private static String sleutel(String naam) {
        return naam.trim().toLowerCase(Locale.ROOT);
    }

    /** The kanaal for a code or alias as a channel system sends it. */
    public Optional<Kanaal> herken(String codeOfAlias) {
        return codeOfAlias == null ? Optional.empty() : Optional.ofNullable(opNaam.get(sleutel(codeOfAlias)));
    }

    /** Only the canonical code (where the contract asks for "kanaal code", e.g. doorverwezenNaar). */
    public Optional<Kanaal> metCode(String code) {
        return Optional.ofNullable(opCode.get(code));
    }

    public Collection<Kanaal> alle() {
        return opCode.values();
    }
}
