package nl.klantreis.domein.klant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.Klantreisindeling;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Reisstap;

/**
 * What a reader of a Klant's event stream ends up believing, folded the way a projection would:
 * which klantreis each contact is in, the kanaalwissels recorded and not retracted, the
 * klantreizen started and not lapsed, and when the klantreizen of zaken ended. While folding it
 * checks that every correction refers to something the reader already knows.
 */
record Eindstand(Map<KlantcontactId, KlantreisId> indeling, Set<Kanaalwissel> kanaalwissels,
                 Set<KlantreisId> klantreizen, Map<KlantreisId, Instant> beeindigd) {

    static Eindstand vouw(List<Object> gebeurtenissen) {
        Map<KlantcontactId, KlantreisId> indeling = new HashMap<>();
        Set<KlantcontactId> geregistreerd = new HashSet<>();
        Set<Kanaalwissel> wissels = new HashSet<>();
        Set<KlantreisId> reizen = new HashSet<>();
        Map<KlantreisId, Instant> beeindigd = new HashMap<>();
        for (Object gebeurd : gebeurtenissen) {
            if (gebeurd instanceof KlantcontactGeregistreerd g) {
                assertThat(geregistreerd.add(g.klantcontactId())).as("eenmaal geregistreerd: %s", g).isTrue();
            } else if (gebeurd instanceof KlantreisGestart g) {
                assertThat(reizen.add(g.klantreisId())).as("start een klantreis die nog niet loopt: %s", g).isTrue();
            } else if (gebeurd instanceof KlantcontactIngedeeld g) {
                assertThat(geregistreerd).as("ingedeeld na registratie: %s", g).contains(g.klantcontactId());
                assertThat(reizen).as("ingedeeld in een lopende klantreis: %s", g).contains(g.klantreisId());
                assertThat(g.vorigeKlantreisId()).as("vorige klantreis van %s", g)
                        .isEqualTo(indeling.get(g.klantcontactId()));
                assertThat(g.klantreisId()).isNotEqualTo(g.vorigeKlantreisId());
                indeling.put(g.klantcontactId(), g.klantreisId());
            } else if (gebeurd instanceof KlantreisVervallen g) {
                assertThat(reizen.remove(g.klantreisId())).as("vervalt een lopende klantreis: %s", g).isTrue();
                assertThat(indeling.values()).as("vervallen klantreis is leeg: %s", g).doesNotContain(g.klantreisId());
                assertThat(wissels).extracting(Kanaalwissel::klantreisId).doesNotContain(g.klantreisId());
            } else if (gebeurd instanceof KanaalGewisseld g) {
                assertThat(reizen).contains(g.klantreisId());
                assertThat(wissels.add(new Kanaalwissel(g.klantreisId(), g.vanStap(), g.naarStap(), g.van(), g.naar(),
                        g.op(), g.warm()))).as("nieuwe wissel: %s", g).isTrue();
            } else if (gebeurd instanceof KanaalwisselIngetrokken g) {
                assertThat(wissels.remove(new Kanaalwissel(g.klantreisId(), g.vanStap(), g.naarStap(), g.van(),
                        g.naar(), g.op(), g.warm()))).as("trekt een vastgelegde wissel in: %s", g).isTrue();
            } else if (gebeurd instanceof KlantreisBeeindigd g) {
                assertThat(reizen).contains(g.klantreisId());
                beeindigd.put(g.klantreisId(), g.beeindigdOp());
            }
        }
        assertThat(indeling.keySet()).as("elk contact is ingedeeld").isEqualTo(geregistreerd);
        return new Eindstand(indeling, wissels, reizen, beeindigd);
    }

    /** The end state the contract asks for: the klantreizen the rules compute from all facts. */
    static Eindstand volgens(List<Klantreisindeling> indelingen) {
        Map<KlantcontactId, KlantreisId> indeling = new HashMap<>();
        Set<Kanaalwissel> wissels = new HashSet<>();
        Set<KlantreisId> reizen = new HashSet<>();
        Map<KlantreisId, Instant> beeindigd = new HashMap<>();
        for (Klantreisindeling reis : indelingen) {
            reizen.add(reis.id());
            wissels.addAll(reis.kanaalwissels());
            reis.stappen().stream().filter(s -> s.soort() == Reisstap.Soort.KLANTCONTACT)
                    .forEach(s -> indeling.put(s.klantcontactId(), reis.id()));
            if (reis.soort() == Klantreissoort.ZAAK && Objects.nonNull(reis.beeindigdOp())) {
                beeindigd.put(reis.id(), reis.beeindigdOp());
            }
        }
        return new Eindstand(indeling, wissels, reizen, beeindigd);
    }
}
