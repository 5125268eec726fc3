package dev.homeweb.posts;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bodies in the heap, one copy of each: for a server with no state directory (the local preview and
 * tests), whose corpus is as large as its author's.
 */
public final class MemoryBodies implements BodyStore {
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    @Override
    public byte[] get(String sha256) {
        var body = bodies.get(sha256);
        if (body == null) {
            throw new IllegalStateException("no post body with SHA-256 " + sha256 + " in memory");
        }
        return body;
    }

    @Override
    public boolean has(String sha256) {
        return bodies.containsKey(sha256);
    }

    @Override
    public void put(String sha256, byte[] utf8) {
        bodies.put(sha256, utf8);
    }

    @Override
    public void keepOnly(Set<String> sha256s) {
        bodies.keySet().retainAll(sha256s);
    }
}
