package nl.klantreis.api.paginas;

import java.util.Objects;
import java.util.Set;

import nl.klantreis.api.beveiliging.Rol;

/**
 * One area of the pages (MijnZaken, Klantbeeld, Analyse, Audit): where it lives, what the start
 * page calls it, and which roles may enter. An area declares itself as a bean of this type in its
 * own sub-package; that one bean is both its link on the start page and its access rule in
 * {@link Paginabeveiliging}, so the two cannot disagree (docs/paginas.md).
 *
 * @param pad          the area's root path, e.g. {@code /mijnzaken}; the rule covers it and all below it
 * @param naam         the link text on the start page
 * @param beschrijving one sentence under the link
 * @param volgorde     the place on the start page, lowest first
 * @param rollen       who may enter; the start page shows the link to exactly these roles
 */
public record Paginagebied(String pad, String naam, String beschrijving, int volgorde, Set<Rol> rollen) {
    public Paginagebied {
        Objects.requireNonNull(pad, "pad");
        Objects.requireNonNull(naam, "naam");
        Objects.requireNonNull(beschrijving, "beschrijving");
        rollen = Set.copyOf(rollen);
        if (!pad.matches("/[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("een paginagebied ligt op een pad als /mijnzaken, niet op '" + pad + "'");
        }
        if (pad.startsWith("/api") || pad.startsWith("/actuator") || pad.startsWith("/v3")
                || Paginabeveiliging.OPEN.stream().anyMatch(open -> open.startsWith(pad + "/") || open.equals(pad))) {
            throw new IllegalArgumentException("het pad " + pad + " is al in gebruik");
        }
        if (rollen.isEmpty()) {
            throw new IllegalArgumentException("een paginagebied is voor minstens één rol");
        }
    }

    boolean voor(Rol rol) {
        return rollen.contains(rol);
    }
}
