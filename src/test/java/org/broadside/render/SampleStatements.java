package org.broadside.render;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadside.audience.Contact;
import org.broadside.statement.Kind;
import org.broadside.statement.ReferenceContact;
import org.broadside.statement.ReleaseTime;
import org.broadside.statement.ReleaseZone;
import org.broadside.statement.Statement;

/** Statements for International Migrants Day 2026, written for these tests in the style of the alliance's. */
final class SampleStatements {
    static final String NBSP = "\u00a0";
    static final LocalDate MIGRANTS_DAY = LocalDate.of(2026, 12, 18);
    static final String TITLE = "“Our labour built these cities”: on International Migrants Day, migrants demand"
            + " rights, not raids";
    static final String SUBTITLE = "Grassroots migrant organizations in 34 countries mark 18 December with"
            + " assemblies, vigils and a call to end forced migration";
    static final ReferenceContact SPOKESPERSON = new ReferenceContact(
            "Marisol Q. Abad", "spokesperson", "+852" + NBSP + "5123" + NBSP + "4567", "media@migrants-alliance.example");

    static final String BODY = """
            On International Migrants Day, the alliance salutes the domestic workers, farmworkers, seafarers and
            refugees who keep economies running while being told they do not belong.

            Governments speak of “orderly migration” while they tighten visa rules, cut wages and deport those who
            organize. We say: no one leaves home because they want to; they leave because home was taken.

            Across 34 countries our members will:

            - hold assemblies in Hong Kong, Taipei and Seoul;
            - march from the border in Tijuana;
            - keep vigil for those lost at sea in the Mediterranean.

            Read our [full demands](https://migrants-alliance.example/demands-2026).

            No one is illegal. End forced migration.
            """.replace("No one", "No" + NBSP + "one");

    private SampleStatements() {
    }

    static Statement english() {
        return statement("migrants-day-2026", TITLE, SUBTITLE, Kind.STATEMENT, "en", null, BODY);
    }

    static Statement translation(String language, String title, String body) {
        return statement("migrants-day-2026-" + language.toLowerCase(), title, null, Kind.STATEMENT, language,
                "migrants-day-2026", body);
    }

    static Statement spanish() {
        return translation("es", "«Nuestro trabajo construyó estas ciudades»: en el Día Internacional del Migrante",
                "En el Día Internacional del Migrante, la alianza saluda a las trabajadoras del hogar.");
    }

    static Statement arabic() {
        return translation("ar", "في اليوم الدولي للمهاجرين: حقوق لا مداهمات",
                "في اليوم الدولي للمهاجرين، يحيي التحالف العاملات المنزليات والعمال الزراعيين.");
    }

    /** A press release whose press copy is embargoed until 09:00 in Hong Kong on Migrants Day. */
    static Statement pressRelease() {
        return new Statement("migrants-day-2026-press", TITLE, SUBTITLE, Kind.PRESS_RELEASE, "en", MIGRANTS_DAY,
                new ReleaseTime.Local(MIGRANTS_DAY.atTime(9, 0)),
                Optional.of(new ReleaseZone.Fixed(ZoneId.of("Asia/Hong_Kong"))), Optional.of(Duration.ofHours(24)),
                List.of(), SPOKESPERSON, List.of("MigrantsDay"), URI.create("https://migrants-alliance.example/md2026"),
                null, null, BODY, "source", "sha256");
    }

    static Statement statement(String id, String title, String subtitle, Kind kind, String language,
            String translationOf, String body) {
        return new Statement(id, title, subtitle, kind, language, MIGRANTS_DAY,
                new ReleaseTime.Local(LocalDateTime.of(2026, 12, 18, 8, 0)), Optional.of(new ReleaseZone.Recipient()),
                Optional.empty(), List.of(), SPOKESPERSON, List.of("MigrantsDay", "NoOneIsIllegal"),
                URI.create("https://migrants-alliance.example/md2026"), null, translationOf, body, "source", "sha256");
    }

    static Contact member(String language) {
        return new Contact("kasapi@members.example", "kasapi@members.example", "HK", "Asosasyon ng mga Kasambahay",
                "Señora Ñuñez-Çelik", language, "Asia/Hong_Kong", Set.of("members"));
    }

    static Contact journalist() {
        return new Contact("desk@newsroom.example", "desk@newsroom.example", "HK", "Newsroom",
                "Zoë Lefèvre", "en", "Asia/Hong_Kong", Set.of("press"));
    }
}
