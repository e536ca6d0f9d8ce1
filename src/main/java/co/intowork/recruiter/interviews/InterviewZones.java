package co.intowork.recruiter.interviews;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Zone names: the platform stores IANA names; a new interview's zone comes from the company's country. */
public final class InterviewZones {
    /** What the web writes when it is told nothing. */
    public static final ZoneId PLATFORM_DEFAULT = ZoneId.of("Europe/Paris");

    /** The platform's countries (ISO codes, as jobs.country and companies.country hold them), one zone each. */
    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("GA", "Africa/Libreville"), Map.entry("CM", "Africa/Douala"),
            Map.entry("CG", "Africa/Brazzaville"), Map.entry("CD", "Africa/Kinshasa"),
            Map.entry("TD", "Africa/Ndjamena"), Map.entry("CF", "Africa/Bangui"), Map.entry("GQ", "Africa/Malabo"),
            Map.entry("SN", "Africa/Dakar"), Map.entry("CI", "Africa/Abidjan"), Map.entry("BJ", "Africa/Porto-Novo"),
            Map.entry("BF", "Africa/Ouagadougou"), Map.entry("ML", "Africa/Bamako"), Map.entry("NE", "Africa/Niamey"),
            Map.entry("TG", "Africa/Lome"), Map.entry("GW", "Africa/Bissau"), Map.entry("FR", "Europe/Paris"),
            Map.entry("BE", "Europe/Brussels"), Map.entry("CH", "Europe/Zurich"), Map.entry("CA", "America/Toronto"),
            Map.entry("MA", "Africa/Casablanca"), Map.entry("TN", "Africa/Tunis"), Map.entry("DZ", "Africa/Algiers"));

    private InterviewZones() {
    }

    public static Optional<ZoneId> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The company's zone when its country is one we know, else the computer's. */
    public static ZoneId forCountry(String country, ZoneId computer) {
        if (country == null) {
            return computer;
        }
        String zone = BY_COUNTRY.get(country.strip().toUpperCase(Locale.ROOT));
        return zone == null ? computer : ZoneId.of(zone);
    }
}
