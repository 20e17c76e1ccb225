package nl.klantreis.api.configuratie;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI 3 document at {@code /v3/api-docs}; the paths themselves are generated from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguratie {

    @Bean
    OpenAPI klantreisApi() {
        return new OpenAPI()
                .info(new Info().title("Klantreis API").version("v1")
                        .description("Ingestie van CloudEvents (NL GOV-profiel), MijnZaken track & trace, klantbeeld,"
                                + " klantreizen, KPI's en het Logboek Dataverwerkingen (contract/API.md en EVENTS.md)."
                                + " Elke fout is een RFC 9457 problem (`application/problem+json`).")
                        .license(new License().name("EUPL-1.2")))
                .components(new Components().addSecuritySchemes("jwt", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("The `rol` claim holds one role; a burger token holds his `bsn` claim.")))
                .addSecurityItem(new SecurityRequirement().addList("jwt"));
    }
}
