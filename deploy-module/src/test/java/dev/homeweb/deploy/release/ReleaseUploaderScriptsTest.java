package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.units.NodeLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upload step's scripts in full. */
class ReleaseUploaderScriptsTest {
    static final NodeLayout LAYOUT = new NodeLayout("/srv/blog");
    static final String JAR = "a".repeat(64);
    static final String POST = "b".repeat(64);
    static final Release RELEASE =
            Release.of(
                    List.of(
                            new ReleaseFile("home-web.jar", JAR, 3, false, Path.of("x")),
                            new ReleaseFile(
                                    "content/posts/hello.md", POST, 8, false, Path.of("y"))));

    @Test
    void asksWhetherTheReleaseIsCompleteAndWhatTheStoreHas() {
        assertThat(ReleaseUploader.planScript(LAYOUT, RELEASE))
                .isEqualTo(
                        """
                        if [ -f /srv/blog/releases/%s/MANIFEST ]; then echo present; fi
                        if [ -d /srv/blog/store ]; then ls -1 /srv/blog/store; fi
                        """
                                .formatted(RELEASE.id()));
    }

    @Test
    void checksEveryUploadedFileBeforeItEntersTheStore() {
        var script = ReleaseUploader.storeScript(LAYOUT);

        // Unpacked into a temporary folder inside the store, removed however the script ends.
        assertThat(script)
                .contains("incoming=$(mktemp -d /srv/blog/store/.incoming.XXXXXX)\n")
                .contains("trap 'rm -rf \"$incoming\"' EXIT\n");
        // Nothing moves into the store before every file matched its sum.
        assertThat(script.indexOf("sha256sum --check --quiet --strict .sums"))
                .isPositive()
                .isLessThan(script.indexOf("mv -f \"$f\" .."));
    }

    @Test
    void unpacksTheReleaseUnderATemporaryNameAndRenamesItIntoPlace() {
        assertThat(ReleaseUploader.assembleScript(LAYOUT, RELEASE))
                .isEqualTo(
                        """
                        umask 022
                        rm -rf /srv/blog/releases/.partial-%1$s
                        tar -x -z -o -f - -C /srv/blog
                        mv -T /srv/blog/releases/.partial-%1$s /srv/blog/releases/%1$s
                        """
                                .formatted(RELEASE.id()));
    }

    @Test
    void theReleaseStreamLinksEachFileToTheStoreAndEndsWithItsManifest() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        ReleaseUploader.writeAssembly(out, LAYOUT, RELEASE, List.of("V1__a.sql", "V2__b.sql"));
        var partial = "releases/.partial-" + RELEASE.id() + "/";

        var entries = TarEntries.read(out.toByteArray());

        assertThat(entries)
                .containsExactly(
                        TarEntries.link(
                                partial + "content/posts/hello.md", "store/" + POST + "-644"),
                        TarEntries.link(partial + "home-web.jar", "store/" + JAR + "-644"),
                        TarEntries.file(
                                partial + "release.env",
                                "HOME_WEB_RELEASE_ID=" + RELEASE.id() + "\n"),
                        TarEntries.file(partial + "migrations.txt", "V1__a.sql\nV2__b.sql\n"),
                        TarEntries.file(partial + "MANIFEST", RELEASE.manifest()));
    }
}
