package nl.klantreis.projecties.klantreis;

import static nl.klantreis.domein.klantreis.Feiten.t;

import java.util.UUID;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantOpdrachten;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.LegKanaalvoorkeurVast;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.klant.VergeetKlant;

/**
 * The klant the read models' tests follow, with his commands. The builders are core-domain's
 * {@link KlantOpdrachten} (one home); this klant adds his own id, his key and fake cipher texts
 * that name what they stand for, so a fake decryption can tell them apart. Nothing here decrypts.
 */
public final class Testklant {
    public static final KlantId KLANT = new KlantId("k-testklant0000000000000001");
    /** The klant's key before he is forgotten. */
    public static final String SLEUTEL = "0e0e0e0e-0000-4000-8000-00000000a001";
    public static final Versleuteld NUMMER = new Versleuteld(SLEUTEL, "versleuteld-bsn-999990342");

    private Testklant() {
    }

    /** A fake zaakId: 20000000-0000-4000-8000-00000000000n. */
    public static ZaakId zaakId(int volgnummer) {
        return new ZaakId(UUID.fromString(String.format("20000000-0000-4000-8000-%012d", volgnummer)));
    }

    public static KlantOpdrachten.ContactBuilder eenKlantcontact() {
        return KlantOpdrachten.eenKlantcontact().voor(KLANT, Identificatiesoort.BSN, NUMMER)
                .metInhoudVan(Testklant::inhoudVan);
    }

    public static KoppelZaakAanKlant koppel(ZaakId zaak, String zaaktype, String kanaal, String geregistreerdOp) {
        return new KoppelZaakAanKlant(KLANT, Identificatiesoort.BSN, NUMMER, zaak, zaaktype, kanaal,
                t(geregistreerdOp), null);
    }

    public static MeldZaakAfgesloten sluitAf(ZaakId zaak, String afgeslotenOp) {
        return new MeldZaakAfgesloten(KLANT, zaak, t(afgeslotenOp));
    }

    public static LegKanaalvoorkeurVast voorkeur(String kanaal, String onderwerp, String vastgelegdOp) {
        return new LegKanaalvoorkeurVast(KLANT, Identificatiesoort.BSN, NUMMER, kanaal, onderwerp, t(vastgelegdOp));
    }

    public static VergeetKlant vergeet(String op) {
        return new VergeetKlant(KLANT, t(op));
    }

    /** A fake cipher text that names its contact, so a fake decryption can tell them apart. */
    public static Versleuteld inhoudVan(KlantcontactId contact) {
        return new Versleuteld(SLEUTEL, "versleuteld-inhoud-" + contact);
    }
}
