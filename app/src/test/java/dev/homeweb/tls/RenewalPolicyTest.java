package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private final RenewalPolicy policy = RenewalPolicy.standard();
    private final ServedCertificate ninetyDays =
            TestCertificates.selfSigned(ISSUED, ISSUED.plus(Duration.ofDays(90)));

    @Test
    void renewsWhenAThirdOfTheLifetimeIsLeft() {
        assertThat(policy.renewalTime(ninetyDays)).isEqualTo(ISSUED.plus(Duration.ofDays(60)));
        assertThat(policy.isDue(ninetyDays, ISSUED.plus(Duration.ofDays(60)).minusSeconds(1)))
                .isFalse();
        assertThat(policy.isDue(ninetyDays, ISSUED.plus(Duration.ofDays(60)))).isTrue();
    }

    @Test
    void sleepsUntilTheRenewalTimeButNeverMoreThanTwelveHours() {
        assertThat(policy.untilNextCheck(ninetyDays, ISSUED)).isEqualTo(Duration.ofHours(12));
        var almost = ISSUED.plus(Duration.ofDays(60)).minus(Duration.ofMinutes(5));
        assertThat(policy.untilNextCheck(ninetyDays, almost)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.untilNextCheck(ninetyDays, ISSUED.plus(Duration.ofDays(70))))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void backsOffByDoublingUpToSixHours() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(policy.backoff(9)).isEqualTo(Duration.ofHours(4).plusMinutes(16));
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofHours(6));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofHours(6));
    }
}
