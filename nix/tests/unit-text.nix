# Writes one `systemd.services.NAME` value as unit-file text the way NixOS's systemd-lib.nix does
# (serviceToUnit with attrsToSection): dependency lists space-separated, a list value one line
# per element, Nix booleans as true/false, each environment variable as Environment="K=V"
# (JSON-quoted). A stand-in, like nixos-stand-ins.nix: it is what `systemd-analyze` reads in the
# tests. No [Install]: NixOS links `wantedBy` units instead.
{ lib }:
service:
let
  toOption =
    x:
    if x == true then
      "true"
    else if x == false then
      "false"
    else
      toString x;
  attrsToSection =
    attrs:
    lib.concatStrings (
      lib.concatLists (
        lib.mapAttrsToList (name: value: map (x: "${name}=${toOption x}\n") (lib.toList value)) attrs
      )
    );
  unit = lib.filterAttrs (_: value: value != "") {
    Description = service.description;
    Wants = toString service.wants;
    Requires = toString service.requires;
    After = toString service.after;
    Before = toString service.before;
  };
  environment = lib.concatStrings (
    lib.mapAttrsToList (name: value: "Environment=${builtins.toJSON "${name}=${value}"}\n") (
      lib.filterAttrs (_: value: value != null) service.environment
    )
  );
in
''
  [Unit]
  ${attrsToSection unit}
  [Service]
  ${environment}${attrsToSection service.serviceConfig}''
