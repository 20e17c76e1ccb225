package nl.klantreis.domein.klantreis;

import static nl.klantreis.domein.klantreis.Feiten.eenContact;
import static nl.klantreis.domein.klantreis.Feiten.eenZaak;
import static nl.klantreis.domein.klantreis.Feiten.t;

import java.time.Instant;
import java.util.List;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;

/** The worked example of contract/examples/klantreis-dakkapel.batch.json, as facts. */
public final class Dakkapel {
    public static final KlantcontactId ORIENTATIE = KlantcontactId.van("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11");
    public static final KlantcontactId AANVRAAG = KlantcontactId.van("6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22");
    public static final KlantcontactId STATUSNAVRAAG = KlantcontactId.van("9e3a4f10-7b2c-4d6e-8f90-1a2b3c4d5e33");
    public static final KlantcontactId CHAT = KlantcontactId.van("a1b2c3d4-0000-4000-8000-000000000044");
    public static final ZaakId ZAAK = ZaakId.van("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01");
    public static final Instant GEREGISTREERD_OP = t("2026-03-04T20:31:10+01:00");
    public static final Instant AFGESLOTEN_OP = t("2026-04-21T08:00:00+02:00");

    private Dakkapel() {
    }

    public static Contactgegevens orientatie() {
        return eenContact().metId(ORIENTATIE).op("2026-03-02T09:12:40+01:00").viaKanaal("telefoon")
                .overOnderwerp("omgevingsvergunning").metResultaat("doorverwezen").bouw();
    }

    public static Contactgegevens aanvraag() {
        return eenContact().metId(AANVRAAG).op("2026-03-04T20:31:00+01:00").viaKanaal("webformulier")
                .overOnderwerp("omgevingsvergunning").overZaak(ZAAK).metResultaat("zaak-gestart")
                .vervolgOp(ORIENTATIE).bouw();
    }

    public static Contactgegevens statusnavraag() {
        return eenContact().metId(STATUSNAVRAAG).op("2026-03-16T10:05:00+01:00").viaKanaal("telefoon")
                .overOnderwerp("status-navraag").overZaak(ZAAK).metResultaat("beantwoord").bouw();
    }

    /** The anonymous chat; {@code webchat} is an alias, the engine stores the code {@code chat}. */
    public static Contactgegevens chat() {
        return eenContact().metId(CHAT).op("2026-03-05T13:00:00+01:00").viaKanaal("chat")
                .overOnderwerp("algemene-vraag").metResultaat("beantwoord").bouw();
    }

    public static List<Contactgegevens> contacten() {
        return List.of(orientatie(), aanvraag(), statusnavraag());
    }

    public static Zaakgegevens zaak() {
        return eenZaak().metId(ZAAK).vanZaaktype("omgevingsvergunning").viaKanaal("webformulier")
                .geregistreerdOp(GEREGISTREERD_OP).afgeslotenOp(AFGESLOTEN_OP).bouw();
    }
}
