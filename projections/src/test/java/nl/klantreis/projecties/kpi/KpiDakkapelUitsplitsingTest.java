package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiDakkapelTest.JUNI;
import static nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel.maart;
import static nl.klantreis.projecties.kpi.KpiFeiten.assertVerhouding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The dakkapel figures per kanaal (of the klantreis's first step, or of the contact) and per
 * zaaktype (of the klantreis's zaak, else its onderwerp): the chat falls under algemene-vraag and
 * chat, the zaak's klantreis under omgevingsvergunning and telefoon (the orientation call).
 */
class KpiDakkapelUitsplitsingTest {

    @Test
    void klantreizen_perKanaalVanDeEersteStap_enPerZaaktypeOfOnderwerp() {
        assertThat(maart("klantreizen", JUNI, "kanaal").cijfers().uitsplitsing())
                .extracting(Kpideel::kanaal, Kpideel::zaaktype, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("chat", null, 1L), tuple("telefoon", null, 1L));
        assertThat(maart("klantreizen", JUNI, "zaaktype").cijfers().uitsplitsing())
                .extracting(Kpideel::zaaktype, Kpideel::kanaal, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("algemene-vraag", null, 1L), tuple("omgevingsvergunning", null, 1L));
    }

    @Test
    void totaal_blijftNaastDeUitsplitsing() {
        Kpicijfers cijfers = maart("kanaalwissel-ratio", JUNI, "kanaal").cijfers();

        assertVerhouding(cijfers, "0.5", 1, 2);
        assertThat(cijfers.uitsplitsing()).extracting(Kpideel::kanaal,
                        deel -> deel.cijfers().teller(), deel -> deel.cijfers().noemer())
                .containsExactly(tuple("chat", 0L, 1L), tuple("telefoon", 1L, 1L));
    }

    @Test
    void contactenPerKlantreis_perZaaktype() {
        List<Kpideel> delen = maart("contacten-per-klantreis", JUNI, "zaaktype").cijfers().uitsplitsing();

        assertThat(delen).extracting(Kpideel::zaaktype).containsExactly("algemene-vraag", "omgevingsvergunning");
        assertVerhouding(delen.get(0).cijfers(), "1", 1, 1);
        assertVerhouding(delen.get(1).cijfers(), "3", 3, 1);
    }

    @Test
    void kosten_perKanaal() {
        assertThat(maart("kosten-per-klantreis", JUNI, "kanaal").cijfers().uitsplitsing())
                .extracting(Kpideel::kanaal, deel -> deel.cijfers().waardeCent(), deel -> deel.cijfers().klantreizen())
                .containsExactly(tuple("chat", 460L, 1L), tuple("telefoon", 1980L, 1L));
    }

    @Test
    void firstContactResolution_perKanaal_alleenOnderwerpklantreizen() {
        List<Kpideel> delen = maart("first-contact-resolution", JUNI, "kanaal").cijfers().uitsplitsing();

        assertThat(delen).extracting(Kpideel::kanaal).containsExactly("chat");
        assertVerhouding(delen.get(0).cijfers(), "1", 1, 1);
    }

    @Test
    void herhaalcontact_perKanaalVanHetContact() {
        assertThat(maart("herhaalcontact-ratio", JUNI, "kanaal").cijfers().uitsplitsing())
                .extracting(Kpideel::kanaal, deel -> deel.cijfers().teller(), deel -> deel.cijfers().noemer())
                .containsExactly(tuple("chat", 0L, 1L), tuple("telefoon", 0L, 2L), tuple("webformulier", 1L, 1L));
    }

    @Test
    void herhaalcontact_perZaaktypeVanDeKlantreisVanHetContact() {
        // The status-navraag contact belongs to the zaak's klantreis: omgevingsvergunning, not status-navraag.
        assertThat(maart("herhaalcontact-ratio", JUNI, "zaaktype").cijfers().uitsplitsing())
                .extracting(Kpideel::zaaktype, deel -> deel.cijfers().teller(), deel -> deel.cijfers().noemer())
                .containsExactly(tuple("algemene-vraag", 0L, 1L), tuple("omgevingsvergunning", 1L, 3L));
    }

    @Test
    void contactvolume_perZaaktype_elkWeerPerKanaal() {
        List<Kpideel> delen = maart("contactvolume", JUNI, "zaaktype").cijfers().uitsplitsing();

        assertThat(delen).extracting(Kpideel::zaaktype, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("algemene-vraag", 1L), tuple("omgevingsvergunning", 3L));
        assertThat(delen.get(0).cijfers().uitsplitsing())
                .extracting(Kpideel::kanaal, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("chat", 1L));
        assertThat(delen.get(1).cijfers().uitsplitsing())
                .extracting(Kpideel::kanaal, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("telefoon", 2L), tuple("webformulier", 1L));
    }

    @Test
    void contactvolume_perKanaal_isDeStandaard() {
        assertThat(maart("contactvolume", JUNI, "kanaal")).isEqualTo(maart("contactvolume", JUNI, null));
    }

    @Test
    void kanaalwisselMatrix_perZaaktype() {
        List<Kpideel> delen = maart("kanaalwissel-matrix", JUNI, "zaaktype").cijfers().uitsplitsing();

        assertThat(delen).extracting(Kpideel::zaaktype).containsExactly("algemene-vraag", "omgevingsvergunning");
        assertThat(delen.get(0).cijfers().cellen()).isEmpty();
        assertThat(delen.get(1).cijfers().cellen()).containsExactly(
                new Kanaalwisselcel("telefoon", "webformulier", 1, 1),
                new Kanaalwisselcel("webformulier", "telefoon", 1, 0));
    }

    @Test
    void statusNavraag_perZaaktype() {
        List<Kpideel> delen = maart("status-navraag-per-zaak", JUNI, "zaaktype").cijfers().uitsplitsing();

        assertThat(delen).extracting(Kpideel::zaaktype).containsExactly("omgevingsvergunning");
        assertVerhouding(delen.get(0).cijfers(), "1", 1, 1);
    }

    @Test
    void zaakKpisEnMatrix_perKanaal_kanNiet() {
        assertThatThrownBy(() -> maart("doorlooptijd", JUNI, "kanaal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'per'");
        assertThatThrownBy(() -> maart("kanaalwissel-matrix", JUNI, "kanaal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'per'");
    }

    @Test
    void doorlooptijdEnServicenorm_perZaaktype_isDeStandaard() {
        assertThat(maart("doorlooptijd", JUNI, "zaaktype")).isEqualTo(maart("doorlooptijd", JUNI, null));
        assertThat(maart("binnen-servicenorm", JUNI, "zaaktype")).isEqualTo(maart("binnen-servicenorm", JUNI, null));
    }
}
