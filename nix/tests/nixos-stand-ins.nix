# Stand-ins for the NixOS options nix/module.nix sets or reads. They are NOT NixOS's own
# declarations (nixpkgs' nixos/ tree cannot be fetched here, only its lib/): each has the name
# and the type NixOS gives it (nixos/lib/systemd-unit-options.nix, nixos/modules/config/
# users-groups.nix, nixos/modules/services/networking/firewall.nix, misc/assertions.nix,
# services/databases/postgresql.nix, services/networking/ssh/sshd.nix), cut down to the
# attributes the module uses, so that the module system checks and merges the module's
# definitions as NixOS would.
{ lib, ... }:
let
  inherit (lib) mkOption types;

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
  unitNames = mkOption {
    type = types.listOf types.str;
    default = [ ];
  };

  service = {
    options = {
      enable = mkOption {
        type = types.bool;
        default = true;
      };
      description = mkOption {
        type = types.singleLineStr;
        default = "";
      };
      wantedBy = unitNames;
      requiredBy = unitNames;
      wants = unitNames;
      requires = unitNames;
      after = unitNames;
      before = unitNames;
      environment = mkOption {
        type =
          with types;
          attrsOf (
            nullOr (oneOf [
              str
              path
              package
            ])
          );
        default = { };
      };
      restartTriggers = mkOption {
        type = types.listOf types.unspecified;
        default = [ ];
      };
      serviceConfig = mkOption {
        type = types.attrsOf unitOption;
        default = { };
      };
    };
  };

  user = {
    options = {
      isSystemUser = mkOption {
        type = types.bool;
        default = false;
      };
      group = mkOption {
        type = types.str;
        default = "";
      };
      description = mkOption {
        type = types.passwdEntry types.str;
        default = "";
      };
    };
  };

  group = {
    options = {
      gid = mkOption {
        type = types.nullOr types.int;
        default = null;
      };
      members = mkOption {
        type = types.listOf (types.passwdEntry types.str);
        default = [ ];
      };
    };
  };
in
{
  options = {
    assertions = mkOption {
      type = types.listOf types.unspecified;
      default = [ ];
    };
    systemd.services = mkOption {
      type = types.attrsOf (types.submodule service);
      default = { };
    };
    users.users = mkOption {
      type = types.attrsOf (types.submodule user);
      default = { };
    };
    users.groups = mkOption {
      type = types.attrsOf (types.submodule group);
      default = { };
    };
    networking.firewall.allowedTCPPorts = mkOption {
      type = types.listOf types.port;
      default = [ ];
    };
    services.postgresql.enable = mkOption {
      type = types.bool;
      default = false;
    };
    services.postgresql.settings = mkOption {
      type = types.submodule {
        freeformType =
          with types;
          attrsOf (oneOf [
            bool
            float
            int
            str
          ]);
        options.port = mkOption {
          type = types.port;
          default = 5432;
        };
      };
      default = { };
    };
    services.openssh.enable = mkOption {
      type = types.bool;
      default = false;
    };
    services.openssh.ports = mkOption {
      type = types.listOf types.port;
      default = [ 22 ];
    };
  };
}
