package dev.homeweb.content;

/** What an import changed. */
public record ImportReport(int added, int updated, int removed, int unchanged) {
    public ImportReport {
        if (added < 0 || updated < 0 || removed < 0 || unchanged < 0) {
            throw new IllegalArgumentException(
                    "negative count in " + added + "/" + updated + "/" + removed + "/" + unchanged);
        }
    }

    public boolean changedAnything() {
        return added + updated + removed > 0;
    }

    @Override
    public String toString() {
        return added
                + " added, "
                + updated
                + " updated, "
                + removed
                + " removed, "
                + unchanged
                + " unchanged";
    }
}
