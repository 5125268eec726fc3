package dev.homeweb.cli;

import picocli.CommandLine.Option;

/** Options of the server's own HTTPS (dev.homeweb.tls); each also as HOME_WEB_<OPTION>. */
final class HttpsOptions {
    @Option(
            names = "--https",
            paramLabel = "off|acme|files",
            description =
                    "Serve HTTPS itself: off (plain HTTP, e.g. behind a proxy; the default), acme"
                            + " (certificates from an ACME CA for the --base-url host) or files"
                            + " (--tls-certificate and --tls-key). With acme or files, --port is the"
                            + " plain HTTP port that only redirects (and answers ACME challenges).")
    String https;

    @Option(names = "--https-port", paramLabel = "PORT", description = "HTTPS port. Default: 443.")
    String httpsPort;

    @Option(
            names = "--redirect-hosts",
            paramLabel = "HOST,...",
            description = "More host names the certificate covers; they redirect to --base-url.")
    String redirectHosts;

    @Option(
            names = "--acme-email",
            paramLabel = "ADDRESS",
            description = "Contact address of the ACME account; required with --https acme.")
    String acmeEmail;

    @Option(
            names = "--acme-directory",
            paramLabel = "URL",
            description =
                    "ACME directory. Default: Let's Encrypt,"
                            + " https://acme-v02.api.letsencrypt.org/directory (staging:"
                            + " https://acme-staging-v02.api.letsencrypt.org/directory).")
    String acmeDirectory;

    @Option(
            names = "--acme-ca-root",
            paramLabel = "FILE",
            description = "PEM root to trust for the ACME server instead of the JDK's (test CAs).")
    String acmeCaRoot;

    @Option(
            names = "--tls-state-dir",
            paramLabel = "DIR",
            description =
                    "Where the ACME account key and certificate live (0700, files 0600)."
                            + " Default: $STATE_DIRECTORY/tls, else <data-dir>/tls.")
    String stateDir;

    @Option(
            names = "--tls-certificate",
            paramLabel = "FILE",
            description =
                    "PEM certificate chain for --https files. Default: the systemd credential"
                            + " tls-certificate.")
    String certificate;

    @Option(
            names = "--tls-key",
            paramLabel = "FILE",
            description =
                    "PEM private key for --https files. Default: the systemd credential tls-key.")
    String key;

    @Option(
            names = "--hsts-max-age",
            paramLabel = "SECONDS",
            description = "Strict-Transport-Security max-age on https. Default: 31536000.")
    String hstsMaxAge;

    @Option(
            names = "--hsts-include-subdomains",
            paramLabel = "true|false",
            description = "Add includeSubDomains to HSTS. Default: false.")
    String hstsIncludeSubdomains;

    @Option(
            names = "--hsts-preload",
            paramLabel = "true|false",
            description = "Add preload to HSTS. Default: false.")
    String hstsPreload;
}
