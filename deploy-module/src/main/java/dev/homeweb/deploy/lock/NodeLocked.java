package dev.homeweb.deploy.lock;

import java.util.Optional;

/** Another deploy holds the node's lock; the message gives the holder's details. */
public final class NodeLocked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<LockHolder> holder;

    NodeLocked(String message, Optional<LockHolder> holder) {
        super(message);
        this.holder = holder;
    }

    public Optional<LockHolder> holder() {
        return holder;
    }
}
