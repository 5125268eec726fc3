# The HTTPS options of services.home-web, deploy.yaml's `service.https` and the keys beside it
# (nix/https.nix has what they do). Shapes as HttpsService.java accepts them; the checks that need
# the rest of the configuration (baseUrl, bind, the key's path) are assertions in nix/https.nix.
{ lib, ... }:
let
  inherit (lib) mkOption literalExpression types;
  # No spaces, quotes, `\`, `%` or `$`: the values go into ExecStart= unquoted, as ./deploy's.
  plain = ''[^@[:space:]<>"'\%$]+'';
  hostName = types.addCheck (types.strMatching "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?") (
    host: lib.stringLength host <= 253
  );
  nullable =
    type: example: description:
    mkOption {
      type = types.nullOr type;
      default = null;
      inherit example description;
    };
  secretFile =
    what:
    nullable types.path "/run/secrets/home-web/${what}" (
      ''
        With `https = "secrets"`, the file holding the PEM ${
          if what == "tls-key" then "private key" else "certificate chain (leaf first)"
        }, such as a sops-nix or agenix secret. The server reads it through
        `LoadCredential=${what}:FILE` (root-only is fine, even with `DynamicUser=`)${
          if what == "tls-key" then "; a store path is refused, since the store is world-readable" else ""
        }. Give it as a string, not a Nix path.
      ''
    );
in
{
  options.services.home-web = {
    https = mkOption {
      type = types.enum [
        "off"
        "acme"
        "secrets"
      ];
      default = "off";
      description = ''
        How the server speaks HTTPS (`service.https` of `deploy.yaml`). `"off"`: plain HTTP on
        `port`, behind a reverse proxy of your own. `"acme"`: TLS on 443 with certificates the
        server orders itself from an ACME CA for the host of `baseUrl` (and `redirectHosts`),
        kept in `/var/lib/home-web-tls`; `port` (default 80) redirects to https and answers the
        CA's http-01 challenges. `"secrets"`: TLS on 443 with the chain and key of
        `tlsCertificateFile` and `tlsKeyFile`. Both ports are systemd sockets, so the JVM needs no
        privilege to listen on them.
      '';
    };

    acmeEmail = nullable (types.strMatching "${plain}@${plain}\\.${plain}") "you@example.org" ''
      With `https = "acme"` (required there): the address the CA writes to before a certificate
      expires.
    '';

    acmeDirectory = mkOption {
      type = types.strMatching ''https://[^/[:space:]"'\%$]+(/[^[:space:]"'\%$]*)?'';
      default = "https://acme-v02.api.letsencrypt.org/directory";
      example = "https://acme-staging-v02.api.letsencrypt.org/directory";
      description = ''
        The ACME directory URL: Let's Encrypt production by default; its staging directory (the
        example) for trying things out without its rate limits.
      '';
    };

    acmeCaRoot = nullable types.path (literalExpression "./pebble-root.pem") ''
      A PEM certificate to trust for the ACME server (a private or test CA), as Caddy's
      `acme_ca_root`. It is public, so a Nix path (copied into the store) is fine; a string path
      must be readable by the service's user.
    '';

    redirectHosts = mkOption {
      type = types.listOf hostName;
      default = [ ];
      example = [ "www.blog.example.org" ];
      description = ''
        Other host names (lower case) that get a certificate too and redirect (301) to the host
        of `baseUrl`.
      '';
    };

    hsts = {
      maxAge = mkOption {
        type = types.ints.between 0 2147483647;
        default = 31536000;
        description = "The `max-age` (seconds) of the `Strict-Transport-Security` header on https responses.";
      };
      includeSubdomains = mkOption {
        type = types.bool;
        default = false;
        description = "Add `includeSubDomains` to the HSTS header.";
      };
      preload = mkOption {
        type = types.bool;
        default = false;
        description = ''
          Add `preload` to the HSTS header; the preload list requires `includeSubdomains` and a
          `maxAge` of at least 31536000 (one year), so the module refuses it without them.
        '';
      };
    };

    tlsCertificateFile = secretFile "tls-certificate";
    tlsKeyFile = secretFile "tls-key";
  };
}
