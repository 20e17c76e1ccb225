package nl.klantreis.api.vergeten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import nl.klantreis.api.testondersteuning.Eventlezer;
import nl.klantreis.api.testondersteuning.Eventlezer.Opgeslagen;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.zaak.ZaakGeregistreerd;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.infrastructuur.privacy.Sleutelring;
import nl.klantreis.infrastructuur.privacy.Versleuteling;

/**
 * Crypto-shredding on the real store: after a klant is forgotten none of his personal data can
 * be read from the event store (his number, what he said, his zaak's texts), while his events
 * are all still there; another klant's data is untouched.
 */
class VergetenIntegratieTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void vergetenKlant_zijnPersoonsgegevensZijnOnleesbaar_zijnEventsBlijven() {
        Voorbeelden.Kopie vergeten = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "vergeten");
        Voorbeelden.Kopie ander = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "blijft");
        stuur(vergeten);
        stuur(ander);
        KlantId klant = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, vergeten.bsn());
        KlantId andereKlant = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, ander.bsn());
        ZaakId zaak = new ZaakId(vergeten.zaakId());

        List<Versleuteld> zijnGegevens = versleuteld(vanHem(klant, zaak));
        assertThat(zijnGegevens).as("zijn BSN, inhoud, omschrijving, toelichtingen").hasSizeGreaterThanOrEqualTo(6);
        assertThat(zijnGegevens).allSatisfy(v -> assertThat(leesbaar(v)).isPresent());
        assertThat(leesbaar(zijnGegevens.get(0))).isNotEmpty();
        long eventsVoor = engine.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);

        List<String> zijnKeks = engine.jdbc().queryForList("SELECT kek_id FROM sleutel WHERE klant_id = ?",
                String.class, klant.waarde());
        assertThat(zijnKeks).hasSize(2).allSatisfy(kek -> assertThat(kekBestand(kek)).exists());

        int verwijderd = engine.bean(Vergeetdienst.class).vergeet(klant);

        assertThat(verwijderd).as("zijn eigen sleutel en die van zijn zaak").isEqualTo(2);
        // The KEKs that wrapped his keys are destroyed once the forget committed (ADR 0011).
        assertThat(zijnKeks).allSatisfy(kek -> assertThat(kekBestand(kek)).doesNotExist());
        List<Opgeslagen> naVergeten = vanHem(klant, zaak);
        assertThat(versleuteld(naVergeten)).containsExactlyInAnyOrderElementsOf(zijnGegevens)
                .allSatisfy(v -> assertThat(leesbaar(v)).isEmpty());
        assertThat(Eventlezer.vanType(naVergeten, KlantVergeten.class)).hasSize(1);
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                .isEqualTo(eventsVoor + 2); // ZaakKoppelingVergeten for his zaak, then KlantVergeten
        // Nothing readable is left anywhere in his stored events: no number in plain text.
        assertThat(ruweEvents(klant, zaak)).noneMatch(json -> json.contains(vergeten.bsn()))
                .noneMatch(json -> json.contains("bouwtekening")).noneMatch(json -> json.contains("Dakkapel"));

        ZaakId andereZaak = new ZaakId(ander.zaakId());
        assertThat(versleuteld(vanHem(andereKlant, andereZaak))).isNotEmpty()
                .allSatisfy(v -> assertThat(leesbaar(v)).isPresent());
    }

    @Test
    void vergetenKlant_dieOpnieuwContactHeeft_krijgtEenNieuweSleutel_zijnOudeGegevensBlijvenOnleesbaar() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "terug");
        stuur(kopie);
        KlantId klant = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, kopie.bsn());
        List<Versleuteld> oud = versleuteld(vanHem(klant, new ZaakId(kopie.zaakId())));
        engine.bean(Vergeetdienst.class).vergeet(klant);

        var nieuwContact = kopie.berichten().get(6).deepCopy();
        nieuwContact.put("id", "na-vergeten");
        ((com.fasterxml.jackson.databind.node.ObjectNode) nieuwContact.path("data"))
                .put("klantcontactId", "0b7f2f7e-3a51-4bb9-9a53-ffffffffffff")
                .put("inhoud", "Nieuwe vraag na het vergeten.");
        engine.client().post().uri("/api/v1/events").contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(nieuwContact.toString()).exchange().expectStatus().isOk();

        List<Opgeslagen> events = vanHem(klant, new ZaakId(kopie.zaakId()));
        KlantcontactGeregistreerd nieuw = Eventlezer.vanType(events, KlantcontactGeregistreerd.class).stream()
                .filter(c -> c.klantcontactId().toString().endsWith("ffffffffffff")).findFirst().orElseThrow();
        assertThat(leesbaar(nieuw.inhoud())).contains("Nieuwe vraag na het vergeten.");
        assertThat(oud).allSatisfy(v -> assertThat(leesbaar(v)).isEmpty());
    }

    @Test
    void onbekendeKlantVergeten_geeftOnbekendeKlant() {
        KlantId onbekend = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN,
                Voorbeelden.geldigBsn(new Random(99)));
        assertThatThrownBy(() -> engine.bean(Vergeetdienst.class).vergeet(onbekend))
                .isInstanceOf(Vergeetdienst.OnbekendeKlant.class);
    }

    private static java.nio.file.Path kekBestand(String kekId) {
        String installatie = engine.jdbc().queryForObject("SELECT installatie::text FROM kek_installatie",
                String.class);
        return engine.dataMap().resolve("sleutels").resolve(installatie).resolve("kek-" + kekId + ".bin");
    }

    private static void stuur(Voorbeelden.Kopie kopie) {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange().expectStatus().isOk();
    }

    private static List<Opgeslagen> vanHem(KlantId klant, ZaakId zaak) {
        return Eventlezer.alle(engine.database()).stream()
                .filter(e -> e.aggregaat().equals(klant.waarde()) || e.aggregaat().equals(zaak.toString())).toList();
    }

    private static List<String> ruweEvents(KlantId klant, ZaakId zaak) {
        return engine.jdbc().query("SELECT payload FROM domainevententry WHERE aggregateidentifier IN (?, ?)",
                (rij, nr) -> new String(rij.getBytes(1), StandardCharsets.UTF_8), klant.waarde(), zaak.toString());
    }

    /** Every encrypted field of the events, found by looking at the records' components. */
    private static List<Versleuteld> versleuteld(List<Opgeslagen> events) {
        List<Versleuteld> gevonden = new ArrayList<>();
        for (Opgeslagen opgeslagen : events) {
            Object event = opgeslagen.event();
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                try {
                    if (component.getAccessor().invoke(event) instanceof Versleuteld v) {
                        gevonden.add(v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(Eventlezer.vanType(events, ZaakGeregistreerd.class)).isNotEmpty();
        return gevonden;
    }

    private static Optional<String> leesbaar(Versleuteld waarde) {
        Sleutelring sleutelring = engine.bean(Sleutelring.class);
        return engine.bean(Versleuteling.class).ontsleutel(waarde,
                id -> sleutelring.sleutel(java.util.UUID.fromString(id)));
    }
}
