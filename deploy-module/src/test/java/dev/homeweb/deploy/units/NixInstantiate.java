package dev.homeweb.deploy.units;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Nix's {@code nix-instantiate} (Debian's nix-bin) on the expressions in {@code nix/tests},
 * evaluation only: the store is {@code dummy://}, so nothing is built and /nix need not be
 * writable. Missing Nix or a missing nixpkgs lib fails the test, never skips it.
 */
record NixInstantiate(Path root, Path library, Path state) {
    /** Where nixpkgs' {@code lib/} is; a user with nixpkgs points it at their own. */
    static final String LIBRARY_VARIABLE = "HOME_WEB_NIXPKGS_LIB";

    /** Where the tests' configurations keep the database URL, as sops-nix would. */
    static final String DATABASE_URL_FILE = "/run/secrets/home-web/database-url";

    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    /** Finds Nix and the library, or fails saying how to get them. */
    static NixInstantiate find(Path state) {
        var root = Path.of(System.getProperty("homeweb.root", "..")).toAbsolutePath().normalize();
        var onPath =
                List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "nix-instantiate")));
        if (!onPath) {
            throw new AssertionError(
                    "nix-instantiate is not on PATH: the NixOS module tests need Nix;"
                            + " tools/prerequisites installs Debian's nix-bin"
                            + " (apt-get install --no-upgrade nix-bin)");
        }
        var configured = System.getenv(LIBRARY_VARIABLE);
        var library =
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : root.resolve("../shared/nixpkgs-lib/lib");
        if (!Files.isRegularFile(library.resolve("default.nix"))) {
            throw new AssertionError(
                    "nixpkgs lib not found at "
                            + library.toAbsolutePath().normalize()
                            + ": set "
                            + LIBRARY_VARIABLE
                            + " to a nixpkgs checkout's lib/ (default: ../shared/nixpkgs-lib/lib"
                            + " beside the repository)");
        }
        return new NixInstantiate(root, library.toAbsolutePath().normalize(), state);
    }

    /** Evaluates {@code nix/tests/FILE} to JSON; {@code argstrs} are name, value pairs. */
    Result eval(String file, String... argstrs) throws IOException, InterruptedException {
        var command =
                new ArrayList<>(
                        List.of(
                                "nix-instantiate",
                                "--store",
                                "dummy://",
                                "--eval",
                                "--strict",
                                "--json",
                                root.resolve("nix/tests").resolve(file).toString(),
                                "--argstr",
                                "libPath",
                                library.toString()));
        for (int i = 0; i < argstrs.length; i += 2) {
            command.addAll(List.of("--argstr", argstrs[i], argstrs[i + 1]));
        }
        return run(command);
    }

    /** Like {@link #eval}, and the evaluation must succeed. */
    JsonElement evalJson(String file, String... argstrs) throws IOException, InterruptedException {
        var result = eval(file, argstrs);
        if (result.exitCode() != 0) {
            throw new AssertionError("nix-instantiate failed:\n" + result.stderr());
        }
        return JsonParser.parseString(result.stdout());
    }

    /**
     * Evaluates nix/module.nix through nix/tests/eval.nix: {@code homeWeb} are the
     * services.home-web settings (enabled, with a database URL file unless they say otherwise),
     * {@code others} further NixOS options; {@code prebuilt} gives the package as jar + JDK.
     */
    Result module(Map<String, ?> homeWeb, Map<String, ?> others, boolean prebuilt)
            throws IOException, InterruptedException {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("enable", true);
        settings.put("databaseUrlFile", DATABASE_URL_FILE);
        settings.putAll(homeWeb);
        var services = new LinkedHashMap<String, Object>(others);
        services.put("home-web", settings);
        var config = GSON.toJson(Map.of("services", services));
        return eval("eval.nix", "settings", config, "prebuilt", String.valueOf(prebuilt));
    }

    /** Like {@link #module}, and the evaluation must succeed. */
    JsonObject moduleJson(Map<String, ?> homeWeb) throws IOException, InterruptedException {
        var result = module(homeWeb, Map.of(), false);
        if (result.exitCode() != 0) {
            throw new AssertionError("nix-instantiate failed:\n" + result.stderr());
        }
        return JsonParser.parseString(result.stdout()).getAsJsonObject();
    }

    /** Parses a file of the repository without evaluating it. */
    Result parse(String file) throws IOException, InterruptedException {
        return run(
                List.of(
                        "nix-instantiate",
                        "--store",
                        "dummy://",
                        "--parse",
                        root.resolve(file).toString()));
    }

    record Result(int exitCode, String stdout, String stderr) {}

    private Result run(List<String> command) throws IOException, InterruptedException {
        var stderr = Files.createTempFile(state, "nix", ".stderr");
        var builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("NIX_STATE_DIR", state.resolve("state").toString());
        builder.environment().put("NIX_LOG_DIR", state.resolve("log").toString());
        builder.environment().put("XDG_CACHE_HOME", state.resolve("cache").toString());
        var process = builder.start();
        process.getOutputStream().close();
        var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), stdout, Files.readString(stderr));
    }
}
