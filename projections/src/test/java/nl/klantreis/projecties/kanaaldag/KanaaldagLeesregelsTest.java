package nl.klantreis.projecties.kanaaldag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;

/** The pure rules: which document a contact counts in, and that counting is a set, not a sum. */
class KanaaldagLeesregelsTest {
    private final KanaaldagLeesregels regels = new KanaaldagLeesregels();

    @Test
    void eenContactTeltOpDeDagInAmsterdam_waarop_hetPlaatsvond() {
        // 23:30 UTC on 31 March is 01:30 on 1 April in Amsterdam (summer time).
        assertThat(regels.documentsleutel(contact("klant-00000001", 1, "2026-03-31T23:30:00Z", "telefoon"), "klant-00000001"))
                .isEqualTo("2026-04-01/telefoon");
        assertThat(regels.documentsleutel(contact("klant-00000001", 2, "2026-03-31T21:30:00Z", "balie"), "klant-00000001"))
                .isEqualTo("2026-03-31/balie");
    }

    @Test
    void andereEventsBetreffenHetLeesmodelNiet() {
        assertThat(regels.documentsleutel(new KlantVergeten(new KlantId("klant-00000001"), Instant.parse("2026-04-01T10:00:00Z")),
                "klant-00000001")).isNull();
    }

    @Test
    void eenHerhaaldContactTeltEenKeer_endeVolgordeMaaktNietUit() {
        KlantcontactGeregistreerd a = contact("klant-00000001", 1, "2026-04-01T09:00:00Z", "telefoon");
        KlantcontactGeregistreerd b = contact("klant-00000002", 2, "2026-04-01T10:00:00Z", "telefoon");

        Kanaaldag ab = regels.pasToe(regels.pasToe(regels.pasToe(null, "k", a, null), "k", b, null), "k", a, null);
        Kanaaldag ba = regels.pasToe(regels.pasToe(null, "k", b, null), "k", a, null);

        assertThat(ab).isEqualTo(ba);
        assertThat(ab.telling()).isEqualTo(new Kanaaldagtelling("telefoon", LocalDate.parse("2026-04-01"), 2));
    }

    @Test
    void hetDocumentOnthoudtGeenKlant() {
        KlantcontactGeregistreerd a = contact("klant-00000001", 1, "2026-04-01T09:00:00Z", "telefoon");
        assertThat(regels.vergeetBron(a)).isTrue();
        assertThat(regels.eigenaar(regels.pasToe(null, "k", a, null))).isNull();
    }

    @Test
    void eenLegeOfTeLangePeriodeWordtGeweigerd_metDeNaamVanDeParameter() {
        assertThatThrownBy(() -> new KanaaldagVraag(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'van'");
        assertThatThrownBy(() -> new KanaaldagVraag(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-03")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tot'");
        assertThat(new KanaaldagVraag(LocalDate.parse("2028-01-01"), LocalDate.parse("2029-01-01")).tot())
                .isEqualTo(LocalDate.parse("2029-01-01"));
    }

    static KlantcontactGeregistreerd contact(String klant, int nummer, String op, String kanaal) {
        return new KlantcontactGeregistreerd(new KlantId(klant),
                new KlantcontactId(UUID.nameUUIDFromBytes((klant + "/" + nummer).getBytes())), Instant.parse(op),
                kanaal, kanaal, "inkomend", "afval", null, null, null, null, null, null, null);
    }
}
