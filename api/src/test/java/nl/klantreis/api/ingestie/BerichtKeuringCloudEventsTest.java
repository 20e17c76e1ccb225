package nl.klantreis.api.ingestie;

import static nl.klantreis.api.ingestie.BerichtBouwer.NU;
import static nl.klantreis.api.ingestie.BerichtBouwer.TEST_BSN;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenStatusGezet;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.REFERENTIE;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventDataMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A valid message is read through the CloudEvents SDK, which has the last word on the envelope. */
class BerichtKeuringCloudEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock KLOK = Clock.fixed(Instant.parse(NU), ZoneOffset.UTC);

    private static BerichtKeuring keuringMet(EventFormat format) {
        return new BerichtKeuring(REFERENTIE.kanalen(), REFERENTIE.catalogus(), KLOK, format);
    }

    @Test
    void berichtDatDeSdkWeigert_krijgtEenFoutOpDeWortel_metDeMeldingVanDeSdk() {
        BerichtKeuring keuring = keuringMet(new Sdk(event -> {
            throw new EventDeserializationException(new IllegalArgumentException("kapot bij " + TEST_BSN));
        }));

        Beoordeling beoordeling = keuring.keur(0, eenStatusGezet().bouw());

        assertThat(pointers(beoordeling)).containsExactly("");
        assertThat(beoordeling.fouten().get(0).detail()).startsWith("geen geldig CloudEvent: kapot bij")
                .doesNotContain(TEST_BSN);
        assertThat(beoordeling.bericht()).isNull();
    }

    @Test
    void alsDeSdkWeigert_wordtDeDataTochGekeurd() {
        BerichtKeuring keuring = keuringMet(new Sdk(event -> {
            throw new EventDeserializationException(new IllegalStateException("nee"));
        }));

        Beoordeling beoordeling = keuring.keur(0, eenStatusGezet().met("zaakId", "x").bouw());

        assertThat(pointers(beoordeling)).containsExactlyInAnyOrder("", "/data/zaakId");
    }

    @Test
    void idSourceTypeEnData_komenUitHetCloudEventVanDeSdk() {
        BerichtKeuring keuring = keuringMet(new Sdk(event -> {
            ObjectNode data = ((JsonCloudEventData) event.getData()).getNode().deepCopy();
            data.put("statustype", "in-behandeling");
            return CloudEventBuilder.v1(event).withId("gelezen-door-sdk").withData(JsonCloudEventData.wrap(data)).build();
        }));

        Beoordeling beoordeling = keuring.keur(0, eenStatusGezet().metAttribuut("id", "verzonden").bouw());

        assertThat(beoordeling.id()).isEqualTo("verzonden");
        StatusGezetBericht bericht = (StatusGezetBericht) beoordeling.bericht();
        assertThat(bericht.id()).isEqualTo("gelezen-door-sdk");
        assertThat(bericht.statustype()).isEqualTo("in-behandeling");
    }

    @Test
    void dataDieDeSdkAlsBytesGeeft_wordtMetJacksonGelezen() {
        BerichtKeuring keuring = keuringMet(new Sdk(event -> CloudEventBuilder.v1(event)
                .withData(bytes(event.getData())).build()));

        StatusGezetBericht bericht = (StatusGezetBericht) keuring.keur(0, eenStatusGezet().bouw()).bericht();

        assertThat(bericht.statustype()).isEqualTo("ontvangen");
    }

    @Test
    void deInvoer_wordtNietVeranderd() {
        BerichtKeuring keuring = keuringMet(new JsonFormat());
        var bericht = eenStatusGezet().bouw();
        var kopie = bericht.deepCopy();

        keuring.keur(0, bericht);

        assertThat(bericht).isEqualTo(kopie);
    }

    private static byte[] bytes(CloudEventData data) {
        return data.toBytes();
    }

    /** The real JSON format, followed by a change to what it read. */
    private record Sdk(UnaryOperator<CloudEvent> daarna) implements EventFormat {
        private static final JsonFormat ECHT = new JsonFormat();

        @Override
        public byte[] serialize(CloudEvent event) {
            return ECHT.serialize(event);
        }

        @Override
        public CloudEvent deserialize(byte[] bytes, CloudEventDataMapper<? extends CloudEventData> mapper) {
            return daarna.apply(ECHT.deserialize(bytes, mapper));
        }

        @Override
        public String serializedContentType() {
            return ECHT.serializedContentType();
        }
    }
}
