# The NixOS module for home-web: `services.home-web.*` (declared in options.nix and
# https-options.nix). It runs the same units as `./deploy units` renders (deploy-module/.../units/
# UnitFileRenderer.java): the server, its migrations and import, and the sockets systemd holds for
# it, with the same sandboxing, key for key; NixModuleIT in deploy-module compares the two, so a
# change to the hardening here or there alone fails the build. Not here: ./deploy's rollback timer
# and home-web-recover.service, its dead-man switch across releases; on NixOS a generation is the
# release, and rolling one back is deploy-rs's (magic rollback) or `nixos-rebuild --rollback`.
{ config, lib, ... }:
let
  inherit (lib) mkIf optional optionalAttrs;
  cfg = config.services.home-web;
  defaultName = "home-web";

  # Both forms of `package` reduced to what the units need.
  server =
    if lib.isDerivation cfg.package then
      {
        jar = "${cfg.package}/share/home-web/home-web.jar";
        java = if cfg.package ? jdk then "${cfg.package.jdk}/bin/java" else null;
        content = "${cfg.package}/share/home-web/content";
      }
    else
      {
        jar = "${cfg.package.jar}";
        java = "${cfg.package.jdk}/bin/java";
        content = if cfg.package.content == null then null else "${cfg.package.content}";
      };
  contentDir = if cfg.contentDir != null then "${cfg.contentDir}" else server.content;
  group = if cfg.group != null then cfg.group else cfg.user;
  https = import ./https.nix { inherit lib cfg; };
  socketUnits = map (l: l.unit) https.listeners;

  # UnitFileRenderer's HARDENING, in its order and with its values (strings, not Nix booleans,
  # so both write the same text). A JVM needs writable executable memory for its JIT.
  hardening = {
    UMask = "0077";
    NoNewPrivileges = "yes";
    CapabilityBoundingSet = "";
    AmbientCapabilities = "";
    ProtectSystem = "strict";
    ProtectHome = "yes";
    PrivateTmp = "yes";
    PrivateDevices = "yes";
    PrivateUsers = "yes";
    PrivateIPC = "yes";
    PrivateMounts = "yes";
    ProtectHostname = "yes";
    ProtectClock = "yes";
    ProtectKernelTunables = "yes";
    ProtectKernelModules = "yes";
    ProtectKernelLogs = "yes";
    ProtectControlGroups = "yes";
    ProtectProc = "invisible";
    ProcSubset = "pid";
    RestrictAddressFamilies = "AF_INET AF_INET6 AF_UNIX";
    RestrictNamespaces = "yes";
    RestrictRealtime = "yes";
    RestrictSUIDSGID = "yes";
    LockPersonality = "yes";
    MemoryDenyWriteExecute = "no";
    RemoveIPC = "yes";
    KeyringMode = "private";
    DevicePolicy = "closed";
    SystemCallArchitectures = "native";
    SystemCallFilter = [
      "@system-service"
      "~@privileged"
    ];
    SystemCallErrorNumber = "EPERM";
  };

  accountConfig =
    if cfg.user == null then
      { DynamicUser = "yes"; }
    else
      {
        User = cfg.user;
        Group = group;
      };

  # As UnitFileRenderer.java: one-shot units get C1 only (they exit before C2 pays off), placed
  # before the user's options so a TieredStopAtLevel there wins.
  javaCommand =
    oneShot: args:
    lib.concatStringsSep " " (
      [
        server.java
        "-XX:-UsePerfData"
      ]
      ++ optional oneShot "-XX:TieredStopAtLevel=1"
      ++ cfg.jvmOptions
      ++ [
        "-jar"
        server.jar
      ]
      ++ args
    );

  unitBase = {
    wants = [ "network-online.target" ];
    after = [
      "network-online.target"
      "postgresql.service"
    ];
  };

  serviceBase =
    hardening
    // accountConfig
    // {
      LoadCredential = "database-url:${toString cfg.databaseUrlFile}";
      WorkingDirectory = dirOf server.jar;
    };

  # Ports of other services on the same host that the server would fight for. Read with `or`:
  # a system without those modules has nothing to clash with.
  takenPorts =
    optional (config.services.postgresql.enable or false) {
      option = "services.postgresql.settings.port";
      port = config.services.postgresql.settings.port or 5432;
    }
    ++ optional (config.services.openssh.enable or false) (
      map (port: {
        option = "services.openssh.ports";
        inherit port;
      }) (config.services.openssh.ports or [ 22 ])
    );
  # The server's ports by the option that sets them: `port`, and 443 with https.
  ownPorts = [
    {
      option = "services.home-web.port = ${toString cfg.port}";
      port = cfg.port;
    }
  ]
  ++ map (port: {
    option = ''services.home-web.https = "${cfg.https}" listens on ${toString port}, which'';
    inherit port;
  }) https.httpsPorts;
  clashes = lib.concatMap (
    own: map (taken: "${own.option} is also ${taken.option}; pick another port.") (
      lib.filter (taken: taken.port == own.port) (lib.flatten takenPorts)
    )
  ) ownPorts;

  databaseUrlFile = toString cfg.databaseUrlFile;

  # The site settings, for the server and for the import (it prints draft preview addresses
  # under the site's base URL), as ./deploy units gives both.
  siteEnvironment = {
    HOME_WEB_PORT = toString cfg.port;
    HOME_WEB_BIND = cfg.bind;
  }
  // optionalAttrs (cfg.baseUrl != null) { HOME_WEB_BASE_URL = cfg.baseUrl; }
  // optionalAttrs (cfg.siteTitle != null) { HOME_WEB_SITE_TITLE = cfg.siteTitle; }
  // optionalAttrs (cfg.discussEmail != null) { HOME_WEB_DISCUSS_EMAIL = cfg.discussEmail; };
in
{
  imports = [
    ./options.nix
    ./https-options.nix
  ];

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.databaseUrlFile != null;
        message = ''
          services.home-web.databaseUrlFile must be set: the file holding the PostgreSQL URL,
          e.g. config.sops.secrets."home-web/database-url".path or "/run/agenix/home-web-database-url".'';
      }
      {
        assertion = !(lib.hasPrefix "${builtins.storeDir}/" databaseUrlFile);
        message = ''
          services.home-web.databaseUrlFile = ${databaseUrlFile} is in the Nix store, which every
          user can read: a database password there is public. Point it at a secret outside the
          store, such as /run/secrets/home-web/database-url (sops-nix) or /run/agenix/... (agenix).'';
      }
      {
        assertion = clashes == [ ];
        message = lib.concatStringsSep "\n" clashes;
      }
      {
        assertion = cfg.group == null || cfg.user != null;
        message = "services.home-web.group is set but services.home-web.user is not; set both or neither (DynamicUser= picks both).";
      }
      {
        assertion = server.java != null;
        message = "services.home-web.package has no passthru.jdk; build it with the flake's package or give { jar; jdk; }.";
      }
      {
        assertion = contentDir != null;
        message = "services.home-web.contentDir must be set: services.home-web.package (a prebuilt jar) names no content.";
      }
      {
        assertion = !cfg.openFirewall || !(lib.elem cfg.bind [ "127.0.0.1" "::1" "localhost" ]);
        message = "services.home-web.openFirewall opens port ${toString cfg.port}, but services.home-web.bind = ${cfg.bind} listens on loopback only; set bind = \"0.0.0.0\" or \"::\".";
      }
    ]
    ++ https.assertions;

    systemd.services.home-web-migrate = unitBase // {
      description = "home-web database migrations";
      before = [ "home-web.service" ];
      serviceConfig = serviceBase // {
        Type = "oneshot";
        ExecStart = javaCommand true [ "migrate" ];
        TimeoutStartSec = "15min";
      };
    };

    # Wanted, not required, by the server: invalid posts leave the previous ones served (and the
    # failed unit reported by the switch) rather than the site down.
    systemd.services.home-web-import = unitBase // {
      description = "home-web content import";
      after = unitBase.after ++ [ "home-web-migrate.service" ];
      requires = [ "home-web-migrate.service" ];
      before = [ "home-web.service" ];
      environment = siteEnvironment;
      serviceConfig = serviceBase // {
        Type = "oneshot";
        ExecStart = javaCommand true [
          "import"
          "--content"
          contentDir
        ];
        TimeoutStartSec = "5min";
      };
    };

    systemd.services.home-web = unitBase // {
      description = "home-web blog server";
      wantedBy = [ "multi-user.target" ];
      after =
        unitBase.after
        ++ [
          "home-web-migrate.service"
          "home-web-import.service"
        ]
        ++ socketUnits;
      requires = [ "home-web-migrate.service" ] ++ socketUnits;
      wants = unitBase.wants ++ [ "home-web-import.service" ];
      # A restart starts the import again: new posts in a changed contentDir get loaded.
      restartTriggers = [ contentDir ];
      environment = siteEnvironment // {
        # The snapshot of the published posts, served when the server starts without its database.
        HOME_WEB_STATE_DIR = "/var/lib/home-web-snapshot";
      };
      # A changed unit is restarted in place, after the daemon-reload: with the default
      # (stop now, start after the switch) a request in between would start the old unit
      # through its socket, and the new one would never run.
      stopIfChanged = false;
      serviceConfig = serviceBase // {
        Type = "exec";
        ExecStart = javaCommand false ([ "serve" ] ++ https.serveArguments);
        Restart = "on-failure";
        RestartSec = "2s";
        TimeoutStopSec = "20s";
        StateDirectory = https.stateDirectories ++ [ "home-web-snapshot" ];
        StateDirectoryMode = "0700";
      }
      // optionalAttrs (https.credentials != [ ]) {
        LoadCredential = [ serviceBase.LoadCredential ] ++ https.credentials;
      };
    };

    # The listening sockets, held by systemd so that a restart queues connections in their
    # backlog instead of refusing them, and so that the server listens on 80 and 443 without a
    # privilege; it adopts them by FileDescriptorName. Not PartOf= the server: stopping or
    # restarting it leaves them open.
    systemd.sockets = lib.listToAttrs (
      map (
        listener:
        lib.nameValuePair "home-web-${listener.name}" {
          description = "home-web ${listener.name} socket, held while the server restarts";
          wantedBy = [ "sockets.target" ];
          listenStreams = [ listener.listenStream ];
          socketConfig = {
            FileDescriptorName = listener.name;
            Service = "home-web.service";
            # Linux's cap on a listen backlog (net.core.somaxconn) since 5.4.
            Backlog = "4096";
            NoDelay = "yes";
          };
        }
      ) https.listeners
    );

    users.users = mkIf (cfg.user == defaultName) {
      ${defaultName} = {
        isSystemUser = true;
        inherit group;
        description = "home-web blog server";
      };
    };
    users.groups = mkIf (group == defaultName) { ${defaultName} = { }; };

    networking.firewall.allowedTCPPorts = mkIf cfg.openFirewall ([ cfg.port ] ++ https.httpsPorts);
  };
}
