package dev.homeweb.posts;

import java.util.Set;

/**
 * Where post bodies are kept between a load from the database and the pages that need them, by the
 * SHA-256 of their UTF-8 bytes: in memory ({@link MemoryBodies}) or in the server's state directory
 * ({@link SavedBodies}).
 */
@FunctionalInterface
public interface BodyStore {
    /**
     * The UTF-8 bytes of the body with this hash.
     *
     * @throws IllegalStateException when the store does not hold it (any more)
     */
    byte[] get(String sha256);

    /**
     * Whether {@link #get} has the body; a store that only reads says no, so it is never filled.
     */
    default boolean has(String sha256) {
        return false;
    }

    /** Keeps {@code utf8}, whose SHA-256 the caller has checked is {@code sha256}. */
    default void put(String sha256, byte[] utf8) {
        throw new UnsupportedOperationException("this body store only reads");
    }

    /** Forgets every body but these. */
    default void keepOnly(Set<String> sha256s) {}
}
