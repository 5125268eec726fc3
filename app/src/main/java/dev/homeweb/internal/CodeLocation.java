package dev.homeweb.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a class was loaded from: its jar, or its classes directory in tests. A class a Java 25 AOT
 * cache supplies has a code source without a location, so then the class path answers: {@code java
 * -jar} makes it the one jar.
 */
public final class CodeLocation {
    private CodeLocation() {}

    public static Optional<Path> of(Class<?> type) {
        return of(type, System.getProperty("java.class.path", ""));
    }

    static Optional<Path> of(Class<?> type, String classPath) {
        var source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                return Optional.of(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(classPath));
    }
}
