package nl.klantreis.api.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Why a token was refused, as the security log names it: a fixed word, never a claim's value. */
class ToegangsproblemenTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "An error occurred while attempting to decode the Jwt: Jwt expired at 2026-11-23T11:00:00Z | token-verlopen",
            "Failed to validate the token; Signed JWT rejected: Invalid signature | handtekening-ongeldig",
            "An error occurred while attempting to decode the Jwt: Unsupported algorithm of none | handtekening-ongeldig",
            "An error occurred while attempting to decode the Jwt: Malformed token | token-onleesbaar",
            "An error occurred while attempting to decode the Jwt: The iss claim is not valid | uitgever-onjuist",
            "het token noemt een onbekende rol | token-inhoud-ongeldig",
            "een burgertoken zonder geldig BSN | token-inhoud-ongeldig",
            "iets anders | token-ongeldig"})
    void soortFout(String bericht, String soort) {
        assertThat(Toegangsproblemen.soortFout(bericht.strip())).isEqualTo(soort);
    }
}
