package nl.klantreis.projecties.mijnzaken;

import static nl.klantreis.projecties.mijnzaken.Dakkapel.ZAAK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;

class MijnZakenLeesregelsTest {
    private final MijnZakenLeesregels regels = new MijnZakenLeesregels();

    @Test
    void naamEnDocumenttype() {
        assertThat(regels.naam()).isEqualTo("mijnzaken");
        assertThat(regels.documenttype()).isEqualTo(Zaakdossier.class);
    }

    @Test
    void elkZaakevent_enElkContactDatDeZaakNoemt_hoortBijHetDossierVanDeZaak() {
        for (Dakkapel.Feit feit : Dakkapel.feiten()) {
            assertThat(regels.documentsleutel(feit.event(), "wat-dan-ook")).as(feit.event().toString())
                    .isEqualTo(ZAAK.toString());
        }
    }

    @Test
    void eenContactZonderZaak_enAndereEvents_horenNergens() {
        KlantcontactGeregistreerd met = (KlantcontactGeregistreerd) Dakkapel.NAVRAAGCONTACT.event();
        KlantcontactGeregistreerd zonderZaak = new KlantcontactGeregistreerd(met.klantId(), met.klantcontactId(),
                met.plaatsgevondenOp(), met.kanaal(), met.kanaalOntvangen(), met.richting(), "algemene-vraag", null,
                met.resultaat(), null, null, null, null, null);
        assertThat(regels.documentsleutel(zonderZaak, met.klantId().waarde())).isNull();
        assertThat(regels.documentsleutel(new KlantVergeten(Dakkapel.KLANT, Instant.parse("2026-06-01T00:00:00Z")),
                Dakkapel.KLANT.waarde())).isNull();
        assertThat(regels.documentsleutel("iets", null)).isNull();
    }

    @Test
    void eenNieuwDossier_ontstaatBijHetEersteFeit_enHeeftPasNaRegistratieEenEigenaar() {
        Zaakdossier dossier = regels.pasToe(null, ZAAK.toString(), Dakkapel.ONTVANGEN.event(),
                Dakkapel.ONTVANGEN.bekendOp());
        assertThat(dossier.zaakId()).isEqualTo(ZAAK);
        assertThat(regels.eigenaar(dossier)).isNull();

        Zaakdossier zelfde = regels.pasToe(dossier, ZAAK.toString(), Dakkapel.GEREGISTREERD.event(),
                Dakkapel.GEREGISTREERD.bekendOp());
        assertThat(zelfde).isSameAs(dossier);
        assertThat(regels.eigenaar(dossier)).isEqualTo(Dakkapel.KLANT.waarde());
        assertThat(regels.zoeksleutels(dossier)).isEmpty();
    }
}
