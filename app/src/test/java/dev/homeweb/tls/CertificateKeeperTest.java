package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateKeeperTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(START);
    private final List<ServedCertificate> installed = new ArrayList<>();
    private final FakeCa ca = new FakeCa();
    private CertificateKeeper keeper;

    /** Issues 90-day certificates from the clock's now, or fails while {@code down}. */
    private final class FakeCa {
        int orders;
        boolean down;

        ServedCertificate order() {
            orders++;
            if (down) {
                throw new TlsException(
                        "ACME order at https://ca.test/dir failed: connection refused");
            }
            return TestCertificates.selfSigned(
                    clock.instant(), clock.instant().plus(Duration.ofDays(90)));
        }
    }

    private CertificateKeeper keeper() {
        keeper =
                new CertificateKeeper(
                        ca::order,
                        new CertificateStore(dir.resolve("tls")),
                        RenewalPolicy.standard(),
                        clock,
                        installed::add);
        return keeper;
    }

    @AfterEach
    void close() {
        keeper.close();
    }

    @Test
    void firstStartOrdersAndStoresTheCertificateReadableByTheServiceAlone() throws Exception {
        var first = keeper().obtain();

        assertThat(ca.orders).isEqualTo(1);
        assertThat(installed).containsExactly(first);
        var file = dir.resolve("tls/certificate.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls"))))
                .isEqualTo("rwx------");
        assertThat(keeper.status().expires()).contains(first.notAfter());
    }

    @Test
    void aRestartWhileTheCertificateIsValidOrdersNothing() {
        var first = keeper().obtain();
        keeper.close();
        clock.advance(Duration.ofDays(59));

        var again = keeper().obtain();
        keeper.check();

        assertThat(ca.orders).isEqualTo(1);
        assertThat(again.serial()).isEqualTo(first.serial());
    }

    @Test
    void renewsOnceATHirdOfTheLifetimeIsLeftAndInstallsTheNewCertificate() {
        var first = keeper().obtain();
        clock.advance(Duration.ofDays(60));

        keeper.check();

        assertThat(ca.orders).isEqualTo(2);
        assertThat(installed).hasSize(2);
        assertThat(installed.get(1).serial()).isNotEqualTo(first.serial());
        assertThat(keeper.status().expires()).contains(installed.get(1).notAfter());
    }

    @Test
    void aFailedRenewalKeepsTheCurrentCertificateAndReportsTheError() {
        var first = keeper().obtain();
        clock.advance(Duration.ofDays(61));
        ca.down = true;

        keeper.check();

        var status = keeper.status();
        assertThat(installed).containsExactly(first);
        assertThat(status.expires()).contains(first.notAfter());
        assertThat(status.lastError())
                .contains("ACME order at https://ca.test/dir failed: connection refused");
        assertThat(status.lastErrorAt()).contains(clock.instant());

        ca.down = false;
        keeper.check();
        assertThat(keeper.status().lastError()).isEmpty();
        assertThat(installed).hasSize(2);
    }

    @Test
    void aRestartWithADueCertificateAndTheCaDownServesTheStoredOne() {
        var first = keeper().obtain();
        keeper.close();
        clock.advance(Duration.ofDays(70));
        ca.down = true;

        var served = keeper().obtain();

        assertThat(served.serial()).isEqualTo(first.serial());
        assertThat(keeper.status().lastError()).isPresent();
    }

    @Test
    void aFirstStartWithTheCaDownFailsWithTheCasMessage() {
        ca.down = true;

        assertThatThrownBy(() -> keeper().obtain())
                .isInstanceOf(TlsException.class)
                .hasMessage("ACME order at https://ca.test/dir failed: connection refused");
    }
}
