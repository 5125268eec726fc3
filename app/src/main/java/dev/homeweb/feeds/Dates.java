package dev.homeweb.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The date formats the feeds use, all in UTC and to the second. */
final class Dates {
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private Dates() {}

    /** RFC 3339, as Atom, JSON Feed and sitemaps want: {@code 2026-05-01T09:00:00Z}. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 822 with a four-digit year, as RSS wants: {@code Fri, 01 May 2026 09:00:00 +0000}. */
    static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }

    /** The UTC day, as a {@code tag:} URI wants: {@code 2026-05-01}. */
    static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
