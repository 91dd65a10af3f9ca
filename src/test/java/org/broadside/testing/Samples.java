package org.broadside.testing;

/** Statement and contact texts for tests, in the style of the alliance's published statements. */
public final class Samples {
    private Samples() {
    }

    public static String statement(String id, String language, String extraFrontMatter, String body) {
        return "---\n"
                + "id: " + id + "\n"
                + "title: 'Workers’ Day 2027: “We keep the world running”'\n"
                + "subtitle: Migrant domestic workers call for full labour rights\n"
                + "kind: press-release\n"
                + "language: " + language + "\n"
                + "date: 2027-05-01\n"
                + "release: 2027-05-01T09:00\n"
                + "release_zone: Asia/Manila\n"
                + "contact:\n"
                + "  name: Rosa Dela Cruz\n"
                + "  role: Spokesperson\n"
                + "  phone: +63 2 5550 0199\n"
                + "  email: press@alliance.example\n"
                + "hashtags: [MayDay, MigrantWorkers]\n"
                + "link: https://news.alliance.example/2027/05/may-day\n"
                + extraFrontMatter
                + "---\n"
                + body;
    }

    public static String english() {
        return statement("may-day-2027", "en", "",
                "On International Workers’ Day, migrant domestic workers from Manila to Milan say: our work is "
                        + "work.\u00a0We demand a living wage, a weekly day off and the right to organise.\n\n"
                        + "Reference: Rosa Dela Cruz, spokesperson.\n");
    }

    public static String spanish() {
        return statement("may-day-2027-es", "es", "translation_of: may-day-2027\n",
                "En el Día Internacional de los Trabajadores, las trabajadoras del hogar migrantes dicen: nuestro "
                        + "trabajo es trabajo.\n");
    }

    public static final String CONTACTS = """
            email,country,organization,contact_name,language,timezone,lists
            info@kasama.example,PH,Kasama Migrant Families,Joel Bautista,en,,
            hola@trabajadoras.example,ES,Trabajadoras del Hogar Madrid,Rosa Quispe,es-ES,,
            kontakt@netzwerk.example,DE,Migrantinnen-Netzwerk,Ayşe Yılmaz,de,,
            """;

    public static final String PRESS = """
            email,country,organization,contact_name,language,timezone,lists
            desk@wire.example,GB,Global Wire,Helen Carter,en,,
            INFO@kasama.example,PH,Kasama Migrant Families,Joel Bautista,en,,
            """;
}
