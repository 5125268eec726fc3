package dev.homeweb.cli;

import picocli.CommandLine.Option;

/** Options of the HTTP server. */
final class ServerOptions {
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port. Default: 8080.")
    String port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Address to listen on. Default: 127.0.0.1.")
    String bind;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description =
                    "Public URL of the site, for absolute links. Default: http://<bind>:<port>.")
    String baseUrl;

    @Option(
            names = "--site-title",
            paramLabel = "TEXT",
            description = "Site title. Default: home-web.")
    String siteTitle;

    @Option(
            names = "--discuss-email",
            paramLabel = "ADDRESS",
            description = "Address for the \"Want to discuss this post?\" mailto link.")
    String discussEmail;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description =
                    "Where the server keeps a snapshot of the published posts, to serve them when it"
                            + " starts while the database is unreachable. Default: $STATE_DIRECTORY"
                            + " (systemd's StateDirectory=), else none.")
    String stateDir;
}
