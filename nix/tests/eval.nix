# Evaluates nix/module.nix with nixpkgs' own module system (lib.evalModules) beside the NixOS
# stand-ins, for NixModuleIT. `settings` is JSON of the configuration (services.home-web and any
# stand-in option); the package is a stand-in derivation (nothing is built), or with
# `prebuilt = "true"` a prebuilt jar and JDK. Failed assertions throw as NixOS reports them.
{
  libPath,
  settings,
  prebuilt ? "false",
}:
let
  lib = import libPath;
  fakeStorePath = name: "${builtins.storeDir}/00000000000000000000000000000000-${name}";
  standIn = name: extra: {
    type = "derivation";
    inherit name;
    outPath = fakeStorePath name;
  } // extra;
  jdk = standIn "openjdk-headless-17.0.15+6" { };
  package =
    if prebuilt == "true" then
      {
        jar = "/opt/home-web/home-web.jar";
        inherit jdk;
      }
    else
      standIn "home-web-0.1.0" { inherit jdk; };
  evaluated = lib.evalModules {
    modules = [
      ./nixos-stand-ins.nix
      ../module.nix
      { services.home-web.package = lib.mkDefault package; }
      (builtins.fromJSON settings)
    ];
  };
  inherit (evaluated) config;
  failed = map (a: a.message) (lib.filter (a: !a.assertion) config.assertions);
  names = [
    "home-web"
    "home-web-migrate"
    "home-web-import"
  ];
  services = lib.getAttrs (lib.filter (n: config.systemd.services ? ${n}) names) config.systemd.services;
  sockets = config.systemd.sockets;
in
if failed != [ ] then
  throw "\nFailed assertions:\n${lib.concatMapStrings (m: "- ${m}\n") failed}"
else
  {
    inherit services sockets;
    units = lib.mapAttrs (_: import ./unit-text.nix { inherit lib; }) services;
    users = {
      inherit (config.users) users groups;
    };
    firewall = config.networking.firewall.allowedTCPPorts;
  }
