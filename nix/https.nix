# What services.home-web.https and its options (https-options.nix) add to the units, as
# HttpsArguments.java and ServiceOptions.listeners() render them for ./deploy: the listening
# sockets, the `serve` options, the ACME state directory, the TLS credentials, and the refusals of
# ServiceOptions/HttpsService as assertions.
{ lib, cfg }:
let
  inherit (lib) optional optionals;
  on = cfg.https != "off";
  mode = ''services.home-web.https = "${cfg.https}"'';
  tlsState = "home-web-tls";

  # The host of baseUrl as java.net.URI.getHost gives it (an IPv6 address keeps its brackets).
  urlParts =
    if cfg.baseUrl == null then
      null
    else
      builtins.match "(https?)://(\\[[0-9A-Fa-f:.]*]|[^/:?#]*)(:[0-9]*)?([/?#].*)?" cfg.baseUrl;
  host = if urlParts == null then null else lib.toLower (builtins.elemAt urlParts 1);
  isIpAddress = text: builtins.match "[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?" text != null;
  isHostName =
    text:
    lib.stringLength text <= 253
    && builtins.match "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?" text != null;
  loopback = lib.hasPrefix "127." cfg.bind || lib.elem cfg.bind [ "::1" "localhost" ];
  isStorePath = file: lib.hasPrefix "${builtins.storeDir}/" (toString file);

  listener = name: port: {
    inherit name;
    unit = "home-web-${name}.socket";
    # systemd takes numeric addresses only, IPv6 in brackets (Listener.listenStream()).
    listenStream =
      let
        address = if cfg.bind == "localhost" then "127.0.0.1" else cfg.bind;
      in
      "${if lib.hasInfix ":" address then "[${address}]" else address}:${toString port}";
  };
in
{
  # The plain port always (it only redirects with https on), 443 with https.
  listeners = [ (listener "http" cfg.port) ] ++ optional on (listener "https" 443);

  httpsPorts = optional on 443;

  serveArguments =
    optionals (cfg.https == "acme") (
      [
        "--https acme"
        "--acme-email ${toString cfg.acmeEmail}"
        "--acme-directory ${cfg.acmeDirectory}"
      ]
      ++ optional (cfg.acmeCaRoot != null) "--acme-ca-root ${cfg.acmeCaRoot}"
      ++ [ "--tls-state-dir /var/lib/${tlsState}" ]
    )
    # --https files reads the credentials tls-certificate and tls-key by default.
    ++ optional (cfg.https == "secrets") "--https files"
    ++ optionals on (
      optional (cfg.redirectHosts != [ ]) "--redirect-hosts ${lib.concatStringsSep "," cfg.redirectHosts}"
      ++ [ "--hsts-max-age ${toString cfg.hsts.maxAge}" ]
      ++ optional cfg.hsts.includeSubdomains "--hsts-include-subdomains true"
      ++ optional cfg.hsts.preload "--hsts-preload true"
    );

  # Created by systemd, owned by the service's (dynamic) user, 0700: the ACME account key and
  # the certificates outlive every generation and are readable by the service alone.
  stateDirectories = optional (cfg.https == "acme") tlsState;

  credentials = optionals (cfg.https == "secrets") [
    "tls-certificate:${toString cfg.tlsCertificateFile}"
    "tls-key:${toString cfg.tlsKeyFile}"
  ];

  assertions = optionals on [
    {
      assertion = cfg.baseUrl != null;
      message = ''services.home-web.baseUrl must be set with ${mode}: the certificate's host name comes from it, e.g. baseUrl = "https://blog.example.org".'';
    }
    {
      assertion = cfg.baseUrl == null || lib.hasPrefix "https://" cfg.baseUrl;
      message = "services.home-web.baseUrl = ${toString cfg.baseUrl} must start with https:// with ${mode}.";
    }
    {
      assertion = host == null || host == "" || !(isIpAddress host);
      message = "services.home-web.baseUrl's host ${toString host} is an IP address; ${mode} needs a DNS name that points at the machine.";
    }
    {
      assertion = host == null || isIpAddress host || isHostName host;
      message = "services.home-web.baseUrl's host '${toString host}' is not a host name such as blog.example.org (${mode} needs one).";
    }
    {
      assertion = !(lib.elem host cfg.redirectHosts);
      message = "services.home-web.redirectHosts names ${toString host}, the host of services.home-web.baseUrl itself.";
    }
    {
      assertion = !(lib.any isIpAddress cfg.redirectHosts);
      message = "services.home-web.redirectHosts has an IP address (${lib.concatStringsSep ", " (lib.filter isIpAddress cfg.redirectHosts)}); ${mode} needs DNS names that point at the machine.";
    }
    {
      assertion = !loopback;
      message = ''services.home-web.bind = ${cfg.bind} with ${mode}: no browser (and no CA) could reach the server; leave bind at its default ("0.0.0.0" with https) or set the machine's public address.'';
    }
    {
      assertion = cfg.port != 443;
      message = "services.home-web.port = 443 with ${mode}: 443 is the HTTPS socket; port is the plain HTTP one (default 80).";
    }
    {
      assertion = cfg.https != "acme" || cfg.acmeEmail != null;
      message = "services.home-web.acmeEmail must be set with ${mode}: the address the CA writes to before a certificate expires.";
    }
    {
      assertion = cfg.https != "secrets" || (cfg.tlsCertificateFile != null && cfg.tlsKeyFile != null);
      message = "services.home-web.tlsCertificateFile and services.home-web.tlsKeyFile must both be set with ${mode}: the PEM certificate chain and its private key, e.g. sops-nix secrets under /run/secrets.";
    }
    {
      assertion = cfg.tlsKeyFile == null || !(isStorePath cfg.tlsKeyFile);
      message = "services.home-web.tlsKeyFile = ${toString cfg.tlsKeyFile} is in the Nix store, which every user can read: the private key there is public. Point it at a secret outside the store, such as /run/secrets/home-web/tls-key (sops-nix) or /run/agenix/... (agenix).";
    }
    {
      assertion = !cfg.hsts.preload || (cfg.hsts.includeSubdomains && cfg.hsts.maxAge >= 31536000);
      message = "services.home-web.hsts.preload needs services.home-web.hsts.includeSubdomains = true and services.home-web.hsts.maxAge of at least 31536000 (the preload list requires both).";
    }
  ];
}
