package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Against Jakarta Mail itself, on values of every shape that reach a header (no CR or LF). */
class HeaderFoldingTest {
    private final Random random = new Random(76);

    @Test
    void foldsAnyValueExactlyAsJakartaMailDoes() {
        for (int round = 0; round < 20_000; round++) {
            String value = randomText(random.nextInt(260), "ab<>,.:/=-_ \t");
            int used = random.nextInt(30);

            assertThat(HeaderFolding.fold(used, value)).as("fold(%d, '%s')", used, value)
                    .isEqualTo(MimeUtility.fold(used, value));
        }
    }

    @Test
    void aShortValueIsReturnedAsItIsAndALongListUnsubscribeBreaksAfterItsComma() {
        assertThat(HeaderFolding.fold(18, "<https://a.example/u>")).isEqualTo("<https://a.example/u>");
        String both = "<https://members.example/unsubscribe/" + "t".repeat(60) + ">, <mailto:u+" + "t".repeat(20)
                + "@members.example>";
        assertThat(HeaderFolding.fold("List-Unsubscribe: ".length(), both)).isEqualTo(
                both.replace(", <mailto", ",\r\n <mailto")).isEqualTo(MimeUtility.fold(18, both));
    }

    @Test
    void writesAnAddressHeaderExactlyAsJakartaMailsSettersDo() throws Exception {
        for (int round = 0; round < 5_000; round++) {
            String local = randomText(1 + random.nextInt(40), "abcxyz+-_").replace(" ", "");
            String email = (local.isEmpty() ? "x" : local) + "@org" + random.nextInt(100) + ".example";
            String name = random.nextBoolean() ? null : randomText(random.nextInt(90), "Aaé ,.\"()-'\u00fcÖ\u4e2d");
            InternetAddress address = name == null ? new InternetAddress(email) : new InternetAddress(email, name, "UTF-8");

            assertThat(HeaderFolding.address("To", address)).as("To: %s", address)
                    .isEqualTo(InternetAddress.toString(new Address[] {address}, "To: ".length()));
        }
    }

    private String randomText(int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // Words of letters with the alphabet's other characters in between, as in real header values.
            text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : 'w');
        }
        return text.toString();
    }
}
