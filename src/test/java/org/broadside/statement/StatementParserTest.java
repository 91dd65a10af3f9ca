package org.broadside.statement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.statement.StatementFixtures.concat;
import static org.broadside.statement.StatementFixtures.resource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Set;
import org.broadside.statement.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements that must be accepted, and every field read from them as written. */
class StatementParserTest {
    private static final String ENGLISH = "migrants-day-2026.en.md";
    private static final String SPANISH = "migrants-day-2026.es.md";

    private final StatementParser parser = new StatementParser();

    @Test
    void readsEveryFieldOfAnEnglishStatement() {
        byte[] bytes = resource(ENGLISH);

        Statement statement = parser.parse(ENGLISH, bytes);

        assertThat(statement.id()).isEqualTo("migrants-day-2026");
        assertThat(statement.title()).isEqualTo("Migrant workers are not a commodity: scrap the “managed mobility”"
                + " schemes and end forced migration now");
        assertThat(statement.subtitle()).isEqualTo("Statement of the Grassroots Migrants Network on International"
                + " Migrants Day, 18\u00A0December\u00A02026");
        assertThat(statement.kind()).isEqualTo(Kind.STATEMENT);
        assertThat(statement.language()).isEqualTo("en");
        assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(statement.release()).isEqualTo(new ReleaseTime.Local(LocalDateTime.of(2026, 12, 18, 9, 0)));
        assertThat(statement.releaseZone()).contains(new ReleaseZone.Recipient());
        assertThat(statement.pressEmbargo()).contains(Duration.ofHours(24));
        assertThat(statement.audiences()).containsExactly("press", "members", "social");
        assertThat(statement.contact()).isEqualTo(new ReferenceContact("Ligaya Santos",
                "Spokesperson, Grassroots Migrants Network", "+852 5555 0142",
                "press@grassroots-migrants.example.org"));
        assertThat(statement.hashtags()).containsExactly("MigrantsDay", "NoOneIsIllegal", "移工");
        assertThat(statement.link())
                .isEqualTo(URI.create("https://grassroots-migrants.example.org/statements/migrants-day-2026"));
        assertThat(statement.summary()).isEqualTo("On International Migrants Day we stand with every worker"
                + " who was forced to leave home to survive.\n");
        assertThat(statement.translationOf()).isNull();
        assertThat(statement.originalId()).isEqualTo("migrants-day-2026");
        assertThat(statement.body())
                .startsWith("\nMigrant workers are not a commodity\n\nScrap the “managed mobility” schemes")
                .contains("17\u00A0December\u00A02026")
                .endsWith("Reference: Ligaya Santos, Spokesperson, +852\u00A05555\u00A00142\n");
        assertThat(statement.source()).isEqualTo(new String(bytes, UTF_8));
        assertThat(statement.sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void readsATranslationWhoseIdIsTheSlugOfItsTitle() {
        byte[] bytes = resource(SPANISH);

        Statement statement = parser.parse(SPANISH, bytes);

        // Accents stripped, punctuation turned into '-', cut at the last word that fits in 80 characters.
        assertThat(statement.id())
                .isEqualTo("las-y-los-trabajadores-migrantes-no-somos-mercancia-abajo-los-esquemas-de");
        assertThat(statement.title()).isEqualTo("Las y los trabajadores migrantes no somos mercancía: ¡abajo los"
                + " esquemas de “movilidad gestionada” y alto a la migración forzada!");
        assertThat(statement.subtitle()).isEqualTo("Declaración de la Red de Migrantes de Base en el Día Internacional"
                + " del Migrante, 18\u00A0de\u00A0diciembre\u00A0de\u00A02026");
        assertThat(statement.kind()).isEqualTo(Kind.STATEMENT);
        assertThat(statement.language()).isEqualTo("es-419");
        assertThat(statement.locale().getLanguage()).isEqualTo("es");
        assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(statement.release()).isEqualTo(new ReleaseTime.Local(LocalDateTime.of(2026, 12, 18, 9, 0)));
        assertThat(statement.releaseZone()).contains(new ReleaseZone.Fixed(ZoneId.of("America/Mexico_City")));
        assertThat(statement.pressEmbargo()).isEmpty();
        assertThat(statement.audiences()).containsExactly("prensa", "social");
        assertThat(statement.reachesAudience("members")).isFalse();
        assertThat(statement.contact()).isEqualTo(new ReferenceContact("Ligaya Santos", "Vocera de la Red",
                "+52\u00A055\u00A05555\u00A00142 ext. 12", "prensa@grassroots-migrants.example.org"));
        assertThat(statement.hashtags()).containsExactly("DíaDelMigrante", "MigrantesEnLucha");
        assertThat(statement.link()).isEqualTo(URI.create(
                "https://grassroots-migrants.example.org/es/declaraciones/dia-del-migrante-2026"));
        assertThat(statement.summary()).isNull();
        assertThat(statement.translationOf()).isEqualTo("migrants-day-2026");
        assertThat(statement.originalId()).isEqualTo("migrants-day-2026");
        assertThat(statement.body()).contains("¡Alto a la migración forzada!");
        assertThat(statement.source()).isEqualTo(new String(bytes, UTF_8));
        assertThat(statement.sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void readsAFileByPath(@TempDir Path directory) throws IOException {
        Path file = Files.write(directory.resolve(ENGLISH), resource(ENGLISH));

        assertThat(parser.parse(file).id()).isEqualTo("migrants-day-2026");
    }

    @Test
    void acceptsCrlfLineEndingsAndKeepsTheSourceExact() {
        String crlf = new String(resource(ENGLISH), UTF_8).replace("\n", "\r\n");
        byte[] bytes = crlf.getBytes(UTF_8);

        Statement statement = parser.parse(ENGLISH, bytes);

        assertThat(statement.title()).startsWith("Migrant workers are not a commodity");
        assertThat(statement.hashtags()).containsExactly("MigrantsDay", "NoOneIsIllegal", "移工");
        assertThat(statement.summary()).isEqualTo("On International Migrants Day we stand with every worker"
                + " who was forced to leave home to survive.\n");
        assertThat(statement.body()).startsWith("\r\nMigrant workers are not a commodity\r\n");
        assertThat(statement.source()).isEqualTo(crlf);
        assertThat(statement.sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void stripsAByteOrderMarkSoThatTheFileHashesAsTheSameFileWithout() {
        byte[] withoutMark = resource(ENGLISH);
        byte[] withMark = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, withoutMark);

        Statement marked = parser.parse(ENGLISH, withMark);

        assertThat(marked.source()).isEqualTo(new String(withoutMark, UTF_8));
        assertThat(marked.sha256()).isEqualTo(parser.parse(ENGLISH, withoutMark).sha256())
                .isEqualTo(sha256(withoutMark));
    }

    @Test
    void hashesTheSourceAsTheDatabaseStoresItSoThatReparsingTheStoredSourceGivesTheSameHash() {
        byte[] withMark = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, resource(ENGLISH));

        Statement submitted = parser.parse(ENGLISH, withMark);
        Statement reparsed = parser.parse(ENGLISH, submitted.source().getBytes(UTF_8));

        assertThat(submitted.sha256()).isEqualTo(ContentHash.of(submitted.source())).isEqualTo(reparsed.sha256());
    }

    @Test
    void appliesDefaultsWhenOptionalKeysAreAbsentOrEmpty() {
        Statement statement = parse("""
                ---
                title: Hands off the seafarers’ wages
                subtitle:
                language: tl
                date: 2026-06-25
                release: 2026-06-25T07:00
                ---
                Ang sahod ng mga marino ay hindi dapat kaltasan.
                """);

        assertThat(statement.id()).isEqualTo("hands-off-the-seafarers-wages");
        assertThat(statement.subtitle()).isNull();
        assertThat(statement.kind()).isEqualTo(Kind.STATEMENT);
        assertThat(statement.releaseZone()).isEmpty();
        assertThat(statement.pressEmbargo()).isEmpty();
        assertThat(statement.audiences()).isEmpty();
        assertThat(statement.reachesAudience("press")).isTrue();
        assertThat(statement.contact()).isNull();
        assertThat(statement.hashtags()).isEmpty();
        assertThat(statement.link()).isNull();
        assertThat(statement.summary()).isNull();
        assertThat(statement.translationOf()).isNull();
    }

    @Test
    void readsAReleaseTimeWithAnOffsetOrZAsOneInstant() {
        ReleaseTime eightUtc = new ReleaseTime.At(Instant.parse("2026-12-18T08:00:00Z"));

        assertThat(releaseOf("2026-12-18T09:00+01:00")).isEqualTo(eightUtc);
        assertThat(releaseOf("2026-12-18T08:00Z")).isEqualTo(eightUtc);
        assertThat(releaseOf("2026-12-18 16:00+08:00")).isEqualTo(eightUtc);
    }

    @Test
    void acceptsASpaceInsteadOfTheTInALocalReleaseTime() {
        assertThat(releaseOf("2026-12-18 09:00"))
                .isEqualTo(new ReleaseTime.Local(LocalDateTime.of(2026, 12, 18, 9, 0)));
    }

    @Test
    void readsAReleaseOnAKnownObservanceAtATimeOfDay() {
        StatementParser knowingObservances = new StatementParser(StatementParser.DEFAULT_MAX_BYTES,
                Set.of("international-migrants-day", "world-refugee-day"));

        assertThat(releaseOf(knowingObservances, "international-migrants-day 09:00"))
                .isEqualTo(new ReleaseTime.Observance("international-migrants-day", LocalTime.of(9, 0)));
        assertThat(releaseOf(knowingObservances, "world-refugee-day 23:59:30"))
                .isEqualTo(new ReleaseTime.Observance("world-refugee-day", LocalTime.of(23, 59, 30)));
    }

    @Test
    void readsDateTimeReleasesAlikeWhetherOrNotObservancesAreKnown() {
        StatementParser knowingObservances =
                new StatementParser(StatementParser.DEFAULT_MAX_BYTES, Set.of("international-migrants-day"));

        assertThat(releaseOf(knowingObservances, "2026-12-18 09:00")).isEqualTo(releaseOf("2026-12-18 09:00"));
        assertThat(releaseOf(knowingObservances, "2026-12-18T08:00Z")).isEqualTo(releaseOf("2026-12-18T08:00Z"));
    }

    @Test
    void readsAPressReleaseInArabicWithAnExplicitIdAndHashtagsInArabicScript() {
        Statement statement = parse("""
                ---
                id: migrants-day-2026-ar
                title: اليوم الدولي للمهاجرين
                kind: press-release
                language: ar
                date: 2026-12-17
                release: 2026-12-18T09:00
                release_zone: Asia/Beirut
                hashtags: ["#اليوم_الدولي_للمهاجرين", "#MigrantesEnLucha", "移工"]
                translation_of: migrants-day-2026
                ---
                العمال المهاجرون ليسوا سلعة.
                """);

        assertThat(statement.id()).isEqualTo("migrants-day-2026-ar");
        assertThat(statement.kind()).isEqualTo(Kind.PRESS_RELEASE);
        assertThat(statement.hashtags()).containsExactly("اليوم_الدولي_للمهاجرين", "MigrantesEnLucha", "移工");
        assertThat(statement.releaseZone()).contains(new ReleaseZone.Fixed(ZoneId.of("Asia/Beirut")));
    }

    @Test
    void keepsValuesThatYamlWouldOtherwiseTurnIntoOtherTypesAsText() {
        Statement statement = parse("""
                ---
                id: 2026
                title: no
                subtitle: 3.10
                language: fil
                date: 2026-12-17
                release: 2026-12-18T09:00
                audiences: [2026, on]
                ---
                Hindi.
                """);

        assertThat(statement.id()).isEqualTo("2026");
        assertThat(statement.title()).isEqualTo("no");
        assertThat(statement.subtitle()).isEqualTo("3.10");
        assertThat(statement.language()).isEqualTo("fil");
        assertThat(statement.audiences()).containsExactly("2026", "on");
    }

    @Test
    void acceptsAFileExactlyAtTheSizeLimit() {
        String text = "---\ntitle: Short\nlanguage: en\ndate: 2026-01-01\nrelease: 2026-01-01T00:00\n---\nBody\n";
        int size = text.getBytes(UTF_8).length;

        assertThat(new StatementParser(size).parse("statement.md", text.getBytes(UTF_8)).title()).isEqualTo("Short");
    }

    @Test
    void defaultLimitIs256KiB() {
        assertThat(StatementParser.DEFAULT_MAX_BYTES).isEqualTo(256 * 1024);
    }

    private Statement parse(String text) {
        return parser.parse("statement.md", text.getBytes(UTF_8));
    }

    private ReleaseTime releaseOf(String written) {
        return releaseOf(parser, written);
    }

    private static ReleaseTime releaseOf(StatementParser parser, String written) {
        String text = "---\ntitle: T\nlanguage: en\ndate: 2026-12-17\nrelease: " + written + "\n---\nBody\n";
        return parser.parse("statement.md", text.getBytes(UTF_8)).release();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
