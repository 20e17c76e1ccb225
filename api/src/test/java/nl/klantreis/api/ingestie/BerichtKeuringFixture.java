package nl.klantreis.api.ingestie;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/** The keuring on the shipped reference data, with a fixed clock. */
final class BerichtKeuringFixture {
    static final Referentiegegevens REFERENTIE = Referentiegegevens.laadStandaard();

    private BerichtKeuringFixture() {
    }

    static BerichtKeuring keuringOp(String nu) {
        return new BerichtKeuring(REFERENTIE.kanalen(), REFERENTIE.catalogus(),
                Clock.fixed(Instant.parse(nu), ZoneOffset.UTC));
    }

    static List<String> pointers(Beoordeling beoordeling) {
        return beoordeling.fouten().stream().map(Fout::pointer).toList();
    }
}
