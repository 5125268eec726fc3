package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.WithTestSshServer;
import dev.homeweb.deploy.units.NodeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Uploads over real SSH into a node root that is a local temporary directory. */
class ReleaseUploaderIT extends WithTestSshServer {
    static Release release(Path base, String post) throws Exception {
        Files.createDirectories(base.resolve("content/posts"));
        Files.createDirectories(base.resolve("runtime/bin"));
        Files.writeString(base.resolve("content/posts/hello.md"), post);
        var java = Files.writeString(base.resolve("runtime/bin/java"), "#!/bin/sh\necho java\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        var jar = Files.write(base.resolve("home-web.jar"), new byte[200_000]);
        return new ReleaseBuilder()
                .build(
                        jar,
                        base.resolve("content"),
                        Optional.of(base.resolve("runtime")),
                        Optional.empty(),
                        Files.writeString(base.resolve("node.jar"), "agent"));
    }

    @Test
    void firstUploadSendsEverythingAndTheSameReleaseAgainSendsNothing() throws Exception {
        var root = dir.resolve("node-a");
        var release = release(Files.createDirectories(dir.resolve("build-a")), "# One\n");
        try (var host = server.connect()) {
            var uploader =
                    new ReleaseUploader(
                            new NodeShell(host, false), new NodeLayout(root.toString()));

            var first = uploader.upload(release, List.of("V1__create_posts.sql"));
            var second = uploader.upload(release, List.of("V1__create_posts.sql"));

            assertThat(first.missing()).hasSize(4);
            assertThat(first.bytes()).isEqualTo(release.totalBytes());
            assertThat(second.releasePresent()).isTrue();
            assertThat(second.missing()).isEmpty();
        }
        var dirOnNode = root.resolve("releases/" + release.id());
        assertThat(Files.readString(dirOnNode.resolve("content/posts/hello.md")))
                .isEqualTo("# One\n");
        assertThat(Files.isExecutable(dirOnNode.resolve("runtime/bin/java"))).isTrue();
        assertThat(Files.readString(dirOnNode.resolve("release.env")))
                .isEqualTo("HOME_WEB_RELEASE_ID=" + release.id() + "\n");
        assertThat(Files.readString(dirOnNode.resolve("MANIFEST"))).isEqualTo(release.manifest());
        assertThat(Files.readString(dirOnNode.resolve("migrations.txt")))
                .isEqualTo("V1__create_posts.sql\n");
    }

    @Test
    void aChangedPostSendsOnlyThatFile() throws Exception {
        var root = dir.resolve("node-b");
        var before = release(Files.createDirectories(dir.resolve("build-b")), "# One\n");
        try (var host = server.connect()) {
            var uploader =
                    new ReleaseUploader(
                            new NodeShell(host, false), new NodeLayout(root.toString()));
            uploader.upload(before, List.of());
            var after = release(dir.resolve("build-b"), "# Two\n");

            var plan = uploader.upload(after, List.of());

            assertThat(plan.missing())
                    .extracting(ReleaseFile::path)
                    .containsExactly("content/posts/hello.md");
            assertThat(plan.bytes()).isEqualTo(6);
        }
        assertThat(root.resolve("releases/" + before.id())).isDirectory();
        assertThat(root.resolve("releases")).isDirectoryContaining(p -> !p.endsWith(before.id()));
    }

    @Test
    void aPostFolderTravelsWithTheReleaseAndAnUnchangedImageIsNeverSentAgain() throws Exception {
        var root = dir.resolve("node-c");
        var build = Files.createDirectories(dir.resolve("build-c"));
        Files.createDirectories(build.resolve("content/posts/pictures"));
        Files.createDirectories(build.resolve("content/static/.well-known"));
        Files.write(build.resolve("content/posts/pictures/chart.png"), new byte[50_000]);
        Files.writeString(build.resolve("content/static/.well-known/security.txt"), "Contact: x\n");
        Files.writeString(
                build.resolve("content/posts/pictures/index.md"), "![A chart](chart.png)\n");
        var before = release(build, "# One\n");
        try (var host = server.connect()) {
            var uploader =
                    new ReleaseUploader(
                            new NodeShell(host, false), new NodeLayout(root.toString()));
            uploader.upload(before, List.of());
            Files.writeString(
                    build.resolve("content/posts/pictures/index.md"),
                    "Words.\n![A chart](chart.png)\n");
            var after = release(build, "# One\n");

            var plan = uploader.upload(after, List.of());

            assertThat(plan.missing())
                    .extracting(ReleaseFile::path)
                    .containsExactly("content/posts/pictures/index.md");
        }
        var dirOnNode = root.resolve("releases/" + before.id());
        assertThat(Files.size(dirOnNode.resolve("content/posts/pictures/chart.png")))
                .isEqualTo(50_000);
        assertThat(dirOnNode.resolve("content/static/.well-known/security.txt")).exists();
    }

    @Test
    void everyFileOfTheReleaseIsAHardLinkIntoTheStoreEvenUnderALongPath() throws Exception {
        var root = dir.resolve("node-d");
        var build = Files.createDirectories(dir.resolve("build-d"));
        // A runtime's legal notices sit deeper than ustar's 100-byte names.
        var deep = "runtime/legal/jdk.internal.vm.ci.example/" + "very-long-notice-name-".repeat(2);
        Files.createDirectories(build.resolve(deep));
        Files.writeString(build.resolve(deep + "/ADDITIONAL_LICENSE_INFO"), "notice\n");
        var release = release(build, "# One\n");
        try (var host = server.connect()) {
            new ReleaseUploader(new NodeShell(host, false), new NodeLayout(root.toString()))
                    .upload(release, List.of());
        }
        var dirOnNode = root.resolve("releases/" + release.id());
        for (var file : release.files()) {
            assertThat(
                            Files.isSameFile(
                                    dirOnNode.resolve(file.path()),
                                    root.resolve("store/" + file.storeName())))
                    .as(file.path())
                    .isTrue();
        }
        assertThat(("releases/.partial-" + release.id() + "/" + deep).length()).isGreaterThan(100);
        assertThat(Files.readString(dirOnNode.resolve(deep + "/ADDITIONAL_LICENSE_INFO")))
                .isEqualTo("notice\n");
        assertThat(root.resolve("releases")).isDirectoryContaining(p -> p.endsWith(release.id()));
        try (var left = Files.list(root.resolve("releases"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(release.id());
        }
    }
}
