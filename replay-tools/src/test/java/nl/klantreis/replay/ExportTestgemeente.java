package nl.klantreis.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.LegKanaalvoorkeurVast;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.klant.RegistreerKlantcontact;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.domein.zaak.HervatZaak;
import nl.klantreis.domein.zaak.RegistreerZaak;
import nl.klantreis.domein.zaak.SchortZaakOp;
import nl.klantreis.domein.zaak.SluitZaakAf;
import nl.klantreis.domein.zaak.VerlengZaak;
import nl.klantreis.domein.zaak.ZaakUitkomst;
import nl.klantreis.domein.zaak.ZetZaakstatus;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.simulatie.Simulatie;

/**
 * A simulated municipality ({@link Simulatie}, the generator behind {@code simuleer}) put into a
 * test database through the engine's own command handlers, as the engine's ingestion would: the
 * CloudEvents turned into the same commands, the klanten pseudonymised with the database's own
 * key. The encrypted fields get obviously fake cipher texts: nothing in these tests decrypts.
 * (The api module's Ingestiedienst does this for real; the tools cannot depend on it.)
 */
public final class ExportTestgemeente {
    private static final Versleuteld NEP = new Versleuteld("0e0e0e0e-0000-4000-8000-00000000e001", "nep-cijfertekst");

    private final CommandGateway opdrachten;
    private final Pseudoniemen pseudoniemen;
    private final Kanalen kanalen;
    private final Catalogus catalogus;

    public ExportTestgemeente(Engineverbinding schrijver) {
        this.opdrachten = schrijver.bean(CommandGateway.class);
        this.pseudoniemen = schrijver.pseudoniemen();
        this.kanalen = schrijver.bean(Kanalen.class);
        this.catalogus = schrijver.bean(Catalogus.class);
    }

    /** Puts every message of the simulation in, in order; returns how many. */
    public long vul(Simulatie simulatie) {
        long aantal = 0;
        for (ObjectNode bericht : (Iterable<ObjectNode>) simulatie.berichten()::iterator) {
            verwerk(bericht.path("type").asText(), bericht.path("data"));
            aantal++;
        }
        return aantal;
    }

    private void verwerk(String type, JsonNode d) {
        switch (type.substring(type.lastIndexOf('.') + 1)) {
            case "klantcontact-geregistreerd" -> {
                KlantcontactId contact = KlantcontactId.van(d.path("klantcontactId").asText());
                Identificatiesoort soort = soort(d.path("klant"));
                KlantId klant = soort == Identificatiesoort.ANONIEM ? pseudoniemen.anoniem(contact)
                        : pseudoniemen.voor(soort, nummer(d.path("klant")));
                opdrachten.sendAndWait(new RegistreerKlantcontact(klant, soort,
                        soort == Identificatiesoort.ANONIEM ? null : NEP, contact, tijd(d, "plaatsgevondenOp"),
                        kanaal(d), tekst(d, "kanaal"), d.hasNonNull("richting") ? tekst(d, "richting") : "inkomend",
                        tekst(d, "onderwerp"), zaak(d), tekst(d, "resultaat"), tekst(d, "doorverwezenNaar"),
                        d.hasNonNull("wasKlantcontact") ? KlantcontactId.van(tekst(d, "wasKlantcontact")) : null,
                        tekst(d, "medewerker"), d.hasNonNull("inhoud") ? NEP : null,
                        d.hasNonNull("duurSeconden") ? d.path("duurSeconden").asInt() : null));
            }
            case "zaak-geregistreerd" -> {
                Identificatiesoort soort = soort(d.path("initiator"));
                KlantId klant = pseudoniemen.voor(soort, nummer(d.path("initiator")));
                Zaaktype zaaktype = catalogus.zaaktype(tekst(d, "zaaktype")).orElseThrow();
                ZaakId zaak = zaak(d);
                Instant op = tijd(d, "geregistreerdOp");
                ZaakUitkomst uitkomst = opdrachten.sendAndWait(new RegistreerZaak(zaak, tekst(d, "identificatie"),
                        zaaktype.code(), zaaktype.regels(), d.hasNonNull("vertrouwelijkheid")
                                ? tekst(d, "vertrouwelijkheid") : zaaktype.vertrouwelijkheid().code(),
                        klant, soort, NEP, kanaal(d), tekst(d, "kanaal"), op, d.hasNonNull("omschrijving") ? NEP : null,
                        d.hasNonNull("uiterlijkeEinddatum") ? LocalDate.parse(tekst(d, "uiterlijkeEinddatum")) : null));
                opdrachten.sendAndWait(new KoppelZaakAanKlant(klant, soort, NEP, zaak, zaaktype.code(), kanaal(d), op,
                        uitkomst.afgeslotenOp()));
            }
            case "status-gezet" -> opdrachten.sendAndWait(new ZetZaakstatus(zaak(d), tekst(d, "statustype"),
                    tijd(d, "datumStatusGezet"), d.hasNonNull("statustoelichting") ? NEP : null));
            case "zaak-opgeschort" -> opdrachten.sendAndWait(new SchortZaakOp(zaak(d), tijd(d, "opgeschortOp"),
                    d.hasNonNull("reden") ? NEP : null));
            case "zaak-hervat" -> opdrachten.sendAndWait(new HervatZaak(zaak(d), tijd(d, "hervatOp"),
                    d.hasNonNull("reden") ? NEP : null));
            case "zaak-verlengd" -> opdrachten.sendAndWait(new VerlengZaak(zaak(d), tijd(d, "verlengdOp"),
                    d.path("duurDagen").asInt(), d.hasNonNull("reden") ? NEP : null));
            case "zaak-afgesloten" -> {
                ZaakId zaak = zaak(d);
                ZaakUitkomst uitkomst = opdrachten.sendAndWait(new SluitZaakAf(zaak, tijd(d, "afgeslotenOp"),
                        tekst(d, "resultaat"), d.hasNonNull("toelichting") ? NEP : null));
                if (uitkomst.afhandeling() == Afhandeling.NIEUW && uitkomst.initiator() != null) {
                    opdrachten.sendAndWait(new MeldZaakAfgesloten(uitkomst.initiator(), zaak, uitkomst.afgeslotenOp()));
                }
            }
            case "kanaalvoorkeur-vastgelegd" -> {
                Identificatiesoort soort = soort(d.path("klant"));
                opdrachten.sendAndWait(new LegKanaalvoorkeurVast(pseudoniemen.voor(soort, nummer(d.path("klant"))),
                        soort, NEP, kanaal(d), tekst(d, "onderwerp"), tijd(d, "vastgelegdOp")));
            }
            default -> throw new IllegalArgumentException("onbekend berichttype " + type);
        }
    }

    private static Identificatiesoort soort(JsonNode klant) {
        if (klant.hasNonNull("bsn")) {
            return Identificatiesoort.BSN;
        }
        return klant.hasNonNull("kvk") ? Identificatiesoort.KVK : Identificatiesoort.ANONIEM;
    }

    private static String nummer(JsonNode klant) {
        return klant.hasNonNull("bsn") ? klant.path("bsn").asText() : klant.path("kvk").asText();
    }

    private String kanaal(JsonNode d) {
        return kanalen.herken(tekst(d, "kanaal")).orElseThrow().code();
    }

    private static ZaakId zaak(JsonNode d) {
        return d.hasNonNull("zaakId") ? new ZaakId(UUID.fromString(tekst(d, "zaakId"))) : null;
    }

    private static Instant tijd(JsonNode d, String veld) {
        return OffsetDateTime.parse(tekst(d, veld)).toInstant();
    }

    private static String tekst(JsonNode d, String veld) {
        return d.hasNonNull(veld) ? d.path(veld).asText() : null;
    }
}
