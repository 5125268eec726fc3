{
  description = "home-web: a personal blog server, with a NixOS module (services.home-web)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      # nix/package.nix says what has not been run: it has never been built (no nixpkgs here).
      packages = forAllSystems (pkgs: {
        home-web = pkgs.callPackage ./nix/package.nix { };
        default = self.packages.${pkgs.stdenv.hostPlatform.system}.home-web;
      });

      # The module, with this flake's package as the default of services.home-web.package.
      nixosModules.home-web =
        { lib, pkgs, ... }:
        {
          imports = [ ./nix/module.nix ];
          services.home-web.package = lib.mkDefault self.packages.${pkgs.stdenv.hostPlatform.system}.home-web;
        };
      nixosModules.default = self.nixosModules.home-web;
    };
}
