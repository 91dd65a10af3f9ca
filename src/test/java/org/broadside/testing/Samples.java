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

    /**
     * A contact list of {@code count} members, {@code member-N@orgN%7.example}, spread over a few countries,
     * languages and recipient domains.
     */
    public static String members(int count) {
        String[][] places = {{"PH", "en"}, {"ES", "es-ES"}, {"DE", "de"}, {"MX", "es"}, {"KE", "sw"},
                {"NP", "ne"}, {"FR", "fr"}};
        StringBuilder csv = new StringBuilder("email,country,organization,contact_name,language,timezone,lists\n");
        for (int i = 0; i < count; i++) {
            String[] place = places[i % places.length];
            csv.append("member-").append(i).append("@org").append(i % 7).append(".example,").append(place[0])
                    .append(",Member Organization ").append(i).append(",Contact ").append(i).append(',')
                    .append(place[1]).append(",,\n");
        }
        return csv.toString();
    }

    /**
     * A press list of {@code count} journalists, {@code desk-N@newsroomN%5.example}, at newsrooms in several
     * countries; those in a country with several time zones name theirs, as the import asks them to.
     */
    public static String press(int count) {
        String[][] newsrooms = {{"GB", "en", ""}, {"US", "en", "America/New_York"}, {"HK", "en", ""},
                {"QA", "ar", ""}, {"BR", "pt-BR", "America/Sao_Paulo"}};
        StringBuilder csv = new StringBuilder("email,country,organization,contact_name,language,timezone,lists\n");
        for (int i = 0; i < count; i++) {
            String[] newsroom = newsrooms[i % newsrooms.length];
            csv.append("desk-").append(i).append("@newsroom").append(i % 5).append(".example,").append(newsroom[0])
                    .append(",Newsroom ").append(i % 5).append(",Journalist ").append(i).append(',')
                    .append(newsroom[1]).append(',').append(newsroom[2]).append(",\n");
        }
        return csv.toString();
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
