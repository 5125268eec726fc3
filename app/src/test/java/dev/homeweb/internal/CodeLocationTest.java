package dev.homeweb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CodeLocationTest {
    @Test
    void aClassLoadedFromAJarIsFoundInThatJar() {
        assertThat(CodeLocation.of(Test.class, "/elsewhere/home-web.jar"))
                .hasValueSatisfying(p -> assertThat(p.toString()).endsWith(".jar"));
    }

    /** Like a class a Java 25 AOT cache supplies: a code source without a location. */
    @Test
    void aClassWithoutALocationIsInTheOneJarOfTheClassPath() {
        assertThat(CodeLocation.of(String.class, "/srv/current/home-web.jar"))
                .contains(Path.of("/srv/current/home-web.jar"));
    }

    @Test
    void withSeveralClassPathEntriesItIsUnknown() {
        assertThat(CodeLocation.of(String.class, "/a.jar:/b.jar")).isEmpty();
        assertThat(CodeLocation.of(String.class, "")).isEmpty();
    }
}
