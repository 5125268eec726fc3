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
    void assemblesHardLinksUnderATemporaryNameAndRenamesItIntoPlace() {
        var id = RELEASE.id();

        assertThat(
                        ReleaseUploader.assembleScript(
                                LAYOUT, RELEASE, List.of("V1__a.sql", "V2__b.sql")))
                .isEqualTo(
                        """
                        umask 022
                        rm -rf /srv/blog/releases/.partial-%1$s
                        mkdir -p /srv/blog/releases/.partial-%1$s \\
                          /srv/blog/releases/.partial-%1$s/content/posts
                        cd /srv/blog/releases/.partial-%1$s
                        ln /srv/blog/store/%3$s-644 content/posts/hello.md
                        ln /srv/blog/store/%2$s-644 home-web.jar
                        cat > release.env <<'HOME_WEB_EOF'
                        HOME_WEB_RELEASE_ID=%1$s
                        HOME_WEB_EOF
                        cat > migrations.txt <<'HOME_WEB_EOF'
                        V1__a.sql
                        V2__b.sql
                        HOME_WEB_EOF
                        cat > MANIFEST <<'HOME_WEB_EOF'
                        %3$s 8 644 content/posts/hello.md
                        %2$s 3 644 home-web.jar
                        HOME_WEB_EOF
                        cd /
                        mv -T /srv/blog/releases/.partial-%1$s /srv/blog/releases/%1$s
                        """
                                .formatted(id, JAR, POST));
    }
}
