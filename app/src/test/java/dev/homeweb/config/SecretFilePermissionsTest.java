package dev.homeweb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilePermissionsTest {
    @TempDir Path dir;

    Path urlFile(String permissions) throws Exception {
        var file = Files.writeString(dir.resolve("database-url"), "postgresql://u:p@h/db\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void worldReadableFileGetsAWarningWithItsModeAndTheFix() throws Exception {
        var file = urlFile("rw-r--r--");

        assertThat(SecretFilePermissions.warning(file, Map.of()))
                .hasValue(
                        "warning: database-URL file "
                                + file
                                + " is open to other users (mode 0644) and may hold the database"
                                + " password; make it private with: chmod 600 "
                                + file);
    }

    @Test
    void groupReadableFileGetsAWarningToo() throws Exception {
        assertThat(SecretFilePermissions.warning(urlFile("rw-r-----"), Map.of()))
                .hasValueSatisfying(w -> assertThat(w).contains("(mode 0640)"));
    }

    @Test
    void ownerOnlyFileIsQuiet() throws Exception {
        assertThat(SecretFilePermissions.warning(urlFile("rw-------"), Map.of())).isEmpty();
        assertThat(SecretFilePermissions.warning(urlFile("r--------"), Map.of())).isEmpty();
    }

    @Test
    void systemdCredentialIsExemptWhateverItsMode() throws Exception {
        var file = urlFile("rw-r--r--");

        assertThat(
                        SecretFilePermissions.warning(
                                file, Map.of("CREDENTIALS_DIRECTORY", dir.toString())))
                .isEmpty();
        assertThat(
                        SecretFilePermissions.warning(
                                file,
                                Map.of("CREDENTIALS_DIRECTORY", dir.resolve("other").toString())))
                .isPresent();
    }

    @Test
    void missingFileIsLeftToTheReaderToReport() {
        assertThat(SecretFilePermissions.warning(dir.resolve("absent"), Map.of())).isEmpty();
    }
}
