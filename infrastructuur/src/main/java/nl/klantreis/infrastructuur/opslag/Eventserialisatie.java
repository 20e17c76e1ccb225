package nl.klantreis.infrastructuur.opslag;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.zaak.Zaakfeitsoort;

/**
 * How events are stored: JSON by Jackson, ids (and the kind of an unusable zaak fact) as plain
 * strings, times as RFC 3339 text, absent fields left out. The event approval tests freeze
 * exactly this output, so every change to it is deliberate.
 */
public final class Eventserialisatie {
    private Eventserialisatie() {
    }

    public static ObjectMapper objectMapper() {
        SimpleModule ids = new SimpleModule("klantreis-ids");
        tekstId(ids, KlantId.class, KlantId::new);
        tekstId(ids, ZaakId.class, tekst -> new ZaakId(UUID.fromString(tekst)));
        tekstId(ids, KlantcontactId.class, tekst -> new KlantcontactId(UUID.fromString(tekst)));
        tekstId(ids, KlantreisId.class, tekst -> new KlantreisId(UUID.fromString(tekst)));
        // Not an id, but written the same way: its code, the string stored before it was a type.
        tekstId(ids, Zaakfeitsoort.class, Zaakfeitsoort::metCode);
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(ids)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Tolerant reading: an upcaster may add fields, a reader of an older revision ignores them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The serializer for events, messages and tokens alike (Axon's default would be XStream). */
    public static Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .lenientDeserialization()
                .build();
    }

    private static <T> void tekstId(SimpleModule module, Class<T> type, Function<String, T> maak) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T waarde, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(waarde.toString());
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return maak.apply(parser.getValueAsString());
            }
        });
    }
}
