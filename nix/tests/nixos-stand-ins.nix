# Stand-ins for the NixOS options nix/module.nix sets or reads. They are NOT NixOS's own
# declarations (nixpkgs' nixos/ tree cannot be fetched here, only its lib/): each has the name
# and the type NixOS gives it (nixos/lib/systemd-unit-options.nix for services and sockets, nixos/modules/config/
# users-groups.nix, nixos/modules/services/networking/firewall.nix, misc/assertions.nix,
# services/databases/postgresql.nix, services/networking/ssh/sshd.nix), cut down to the
# attributes the module uses, so that the module system checks and merges the module's
# definitions as NixOS would.
{ lib, ... }:
let
  inherit (lib) mkOption types;
  option = type: default: mkOption { inherit type default; };

  # NixOS's `unitOption`: a list definition is concatenated with the others (one line per
  # element in the unit file), anything else must be defined once or equally.
  unitOption = lib.mkOptionType {
    name = "systemd option";
    merge =
      loc: defs:
      let
        defs' = lib.filterOverrides defs;
      in
      if lib.any (def: lib.isList def.value) defs' then
        lib.concatMap (def: lib.toList def.value) defs'
      else
        lib.mergeEqualOption loc defs';
  };
  unitNames = option (types.listOf types.str) [ ];

  # NixOS's commonUnitOptions, the part both kinds of unit below have.
  unit = {
    enable = option types.bool true;
    description = option types.singleLineStr "";
    wantedBy = unitNames;
    requiredBy = unitNames;
    wants = unitNames;
    requires = unitNames;
    after = unitNames;
    before = unitNames;
  };

  service = {
    options = unit // {
      # switch-to-configuration restarts a unit with `false` instead of stopping it first.
      stopIfChanged = option types.bool true;
      environment = option (
        with types;
        attrsOf (
          nullOr (oneOf [
            str
            path
            package
          ])
        )
      ) { };
      restartTriggers = option (types.listOf types.unspecified) [ ];
      serviceConfig = option (types.attrsOf unitOption) { };
    };
  };

  # NixOS's socketOptions: listenStreams become ListenStream= lines of [Socket].
  socket = {
    options = unit // {
      listenStreams = option (types.listOf types.str) [ ];
      listenDatagrams = option (types.listOf types.str) [ ];
      socketConfig = option (types.attrsOf unitOption) { };
    };
  };

  user = {
    options = {
      isSystemUser = option types.bool false;
      group = option types.str "";
      description = option (types.passwdEntry types.str) "";
    };
  };

  group = {
    options = {
      gid = option (types.nullOr types.int) null;
      members = option (types.listOf (types.passwdEntry types.str)) [ ];
    };
  };
in
{
  options = {
    assertions = option (types.listOf types.unspecified) [ ];
    systemd.services = option (types.attrsOf (types.submodule service)) { };
    systemd.sockets = option (types.attrsOf (types.submodule socket)) { };
    users.users = option (types.attrsOf (types.submodule user)) { };
    users.groups = option (types.attrsOf (types.submodule group)) { };
    networking.firewall.allowedTCPPorts = option (types.listOf types.port) [ ];
    services.postgresql.enable = option types.bool false;
    services.postgresql.settings = option (types.submodule {
      freeformType =
        with types;
        attrsOf (oneOf [
          bool
          float
          int
          str
        ]);
      options.port = option types.port 5432;
    }) { };
    services.openssh.enable = option types.bool false;
    services.openssh.ports = option (types.listOf types.port) [ 22 ];
  };
}
