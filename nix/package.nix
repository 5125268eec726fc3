# The home-web server as a Nix package, built with nixpkgs' Maven support: the jar, the posts it
# ships, and (passthru.jdk) the JDK services.home-web runs it with. NOT BUILT HERE: nixpkgs cannot
# be fetched on the machines this was written on, so `mvnHash` (the hash of the Maven
# dependencies) is still lib.fakeHash. The first `nix build .#home-web` fails and prints the real
# hash ("got: sha256-..."); put it below.
{
  lib,
  maven,
  jdk17_headless,
}:
maven.buildMavenPackage {
  pname = "home-web";
  version = "0.1.0";

  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.unions [
      ../pom.xml
      ../app
      ../deploy-module/pom.xml
      ../node-agent/pom.xml
      ../migrations
      ../content
    ];
  };

  mvnHash = lib.fakeHash;
  mvnJdk = jdk17_headless;
  # Only the server. Its tests start PostgreSQL, which the build sandbox cannot; `./test` runs them.
  mvnParameters = "-pl app -am -DskipTests -Dspotless.check.skip=true";
  mvnDepsParameters = "-pl app -am -DskipTests -Dspotless.check.skip=true";
  doCheck = false;

  installPhase = ''
    runHook preInstall
    install -Dm644 app/target/home-web.jar $out/share/home-web/home-web.jar
    cp -r content $out/share/home-web/content
    runHook postInstall
  '';

  passthru.jdk = jdk17_headless;

  meta = {
    description = "A personal blog server (Javalin, jOOQ, Flyway, PostgreSQL)";
    mainProgram = "home-web";
    platforms = lib.platforms.linux;
  };
}
