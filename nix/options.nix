# The options of services.home-web (nix/module.nix has what they do). Typed with the module
# system's types: a wrong value fails the evaluation with a message naming the option.
{ config, lib, ... }:
let
  httpsOn = config.services.home-web.https != "off";
  inherit (lib) mkEnableOption mkOption literalExpression types;
  defaultName = "home-web";

  # The same shapes ServiceOptions.java accepts, minus `%`, which NixOS does not escape in
  # `Environment=` and systemd would read as a specifier.
  account = types.strMatching "[a-z_][a-z0-9_-]{0,31}";
  noQuotes = ''[^[:space:]@"'\%]+'';

  prebuilt = types.submodule {
    options = {
      jar = mkOption {
        type = types.path;
        description = "The server jar (`app/target/home-web.jar` of `mvn -pl app -am package`).";
      };
      jdk = mkOption {
        type = types.package;
        example = literalExpression "pkgs.jdk17_headless";
        description = "A Java 17+ runtime; the units run its `bin/java`.";
      };
      content = mkOption {
        type = types.nullOr types.path;
        default = null;
        description = "The posts folder the jar was built with, the default of `contentDir`.";
      };
    };
  };

in
{
  options.services.home-web = {
    enable = mkEnableOption "home-web, a blog server (with its database migrations and content import)";

    package = mkOption {
      type = types.either types.package prebuilt;
      example = literalExpression ''
        inputs.home-web.packages.''${pkgs.system}.default
        # or a jar built elsewhere:
        { jar = ./home-web.jar; jdk = pkgs.jdk17_headless; content = ./content; }'';
      description = ''
        The server. Either a derivation with `share/home-web/home-web.jar`,
        `share/home-web/content` and `passthru.jdk` (the flake's `packages` output builds one
        with nixpkgs' `maven.buildMavenPackage`; its `nixosModules.default` sets this option to
        it), or a prebuilt jar with the JDK to run it: `{ jar; jdk; content; }`.
      '';
    };

    port = mkOption {
      type = types.port;
      default = if httpsOn then 80 else 8080;
      defaultText = literalExpression ''if https == "off" then 8080 else 80'';
      description = ''
        The TCP port of the server's plain HTTP socket (`home-web-http.socket`, and
        `HOME_WEB_PORT`). With `https` on it only redirects to https and answers ACME challenges.
      '';
    };

    bind = mkOption {
      type = types.strMatching "[0-9A-Fa-f.:]+|localhost";
      default = if httpsOn then "0.0.0.0" else "127.0.0.1";
      defaultText = literalExpression ''if https == "off" then "127.0.0.1" else "0.0.0.0"'';
      example = "::";
      description = ''
        The address the server's sockets listen on (`HOME_WEB_BIND`): loopback behind a reverse
        proxy that terminates TLS, or `0.0.0.0`/`::` for every address.
      '';
    };

    databaseUrlFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      example = "/run/secrets/home-web/database-url";
      description = ''
        A file holding the PostgreSQL URL (`postgresql://user:password@host:5432/db`), such as a
        sops-nix or agenix secret. The units read it through `LoadCredential=`; it is never
        copied into the Nix store, so give it as a string, not a Nix path.
      '';
    };

    baseUrl = mkOption {
      type = types.nullOr (types.strMatching ''https?://[^[:space:]"'\%]+'');
      default = null;
      example = "https://blog.example.org";
      description = "The site's public address, used in feeds and canonical links (`HOME_WEB_BASE_URL`).";
    };

    siteTitle = mkOption {
      type = types.nullOr (types.strMatching "[^\"%[:cntrl:]]+");
      default = null;
      example = "My blog";
      description = "The site's title (`HOME_WEB_SITE_TITLE`): one line, without `\"` or `%`.";
    };

    discussEmail = mkOption {
      type = types.nullOr (types.strMatching "${noQuotes}@${noQuotes}");
      default = null;
      example = "comments@example.org";
      description = "The address readers write to about a post (`HOME_WEB_DISCUSS_EMAIL`).";
    };

    contentDir = mkOption {
      type = types.nullOr types.path;
      default = null;
      defaultText = literalExpression ''"''${package}/share/home-web/content"'';
      description = ''
        The posts folder the import unit loads (`home-web import --content`). The default is the
        content shipped in the package. It must be readable by the service's user and not under
        /home (the units run with `ProtectHome=yes`).
      '';
    };

    user = mkOption {
      type = types.nullOr account;
      default = null;
      example = defaultName;
      description = ''
        The account the units run as. `null` (the default) means systemd's `DynamicUser=`.
        The name `home-web` makes the module create that system user (and its group).
      '';
    };

    group = mkOption {
      type = types.nullOr account;
      default = null;
      description = ''
        The group the units run as; `null` means the same name as `user`. The module creates
        the group `home-web` when that is the name.
      '';
    };

    jvmOptions = mkOption {
      type = types.listOf (types.strMatching ''-[^[:space:]"'\%$]+'');
      default = [
        "-Xmx48m"
        "-Xmn12m"
        "-XX:+UseSerialGC"
      ];
      description = ''
        Options for the server's JVM, as in `deploy.yaml`'s `service.jvm_options` (the default
        is what `bench/run` measures: a heap that holds a 1,000-post site).
      '';
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Open `port` (and 443 with `https` on) in the firewall (only useful with a non-loopback `bind`).";
    };
  };
}
