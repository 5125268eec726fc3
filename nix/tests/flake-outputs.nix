# Evaluates flake.nix's `outputs` with stand-in inputs, for NixModuleIT: nixpkgs cannot be
# fetched here, so `nixpkgs` is the real lib with a package set of stubs (maven.buildMavenPackage
# returns a stand-in derivation of its arguments, nothing is built). Returns the output names and
# what nixosModules.default makes of its default package on an x86_64-linux system.
{ libPath }:
let
  lib = import libPath;
  flake = import ../../flake.nix;
  fakeStorePath = name: "${builtins.storeDir}/00000000000000000000000000000000-${name}";
  stubPkgs = system: rec {
    stdenv.hostPlatform.system = system;
    jdk17_headless = {
      type = "derivation";
      name = "openjdk-headless-17";
      outPath = fakeStorePath "openjdk-headless-17";
    };
    maven.buildMavenPackage = args: {
      type = "derivation";
      name = "${args.pname}-${args.version}";
      outPath = fakeStorePath "${args.pname}-${args.version}";
      inherit (args) mvnParameters;
      inherit (args.passthru) jdk;
    };
    callPackage = path: overrides: import path ({ inherit lib maven jdk17_headless; } // overrides);
  };
  nixpkgs = {
    inherit lib;
    legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] stubPkgs;
  };
  outputs = flake.outputs {
    self = outputs;
    inherit nixpkgs;
  };
  system = lib.evalModules {
    modules = [
      ./nixos-stand-ins.nix
      outputs.nixosModules.default
      {
        _module.args.pkgs = stubPkgs "x86_64-linux";
        services.home-web = {
          enable = true;
          databaseUrlFile = "/run/secrets/home-web/database-url";
        };
      }
    ];
  };
in
{
  inputs = builtins.attrNames flake.inputs;
  outputs = builtins.attrNames outputs;
  nixosModules = builtins.attrNames outputs.nixosModules;
  packages = lib.mapAttrs (_: builtins.attrNames) outputs.packages;
  defaultPackage = outputs.packages.x86_64-linux.default.name;
  mvnParameters = outputs.packages.x86_64-linux.default.mvnParameters;
  serverExecStart = system.config.systemd.services.home-web.serviceConfig.ExecStart;
}
