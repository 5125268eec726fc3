package dev.homeweb.config;

/**
 * How {@code serve} runs: as a deployed site, or as the writer's local preview ({@code serve
 * --preview}, what {@code ./run} starts), which re-imports on every save, reloads open pages and
 * lists drafts unless told not to. Taken from the command line only, never from the environment, so
 * a deployed server cannot be switched into it by a stray variable.
 *
 * @param liveReload watch the content and theme folders, re-import, and reload open pages
 * @param listDrafts list drafts like published posts, marked as drafts
 */
public record PreviewMode(boolean liveReload, boolean listDrafts) {
    /** A deployed site: no script, no event stream, drafts only at their preview addresses. */
    public static final PreviewMode OFF = new PreviewMode(false, false);

    public PreviewMode {
        if (listDrafts && !liveReload) {
            throw new ConfigException("drafts are listed only in the local preview (--preview)");
        }
    }

    /**
     * @param preview {@code --preview}
     * @param noDrafts {@code --no-drafts}, which only {@code --preview} takes
     */
    public static PreviewMode from(boolean preview, boolean noDrafts) {
        if (noDrafts && !preview) {
            throw new ConfigException(
                    "--no-drafts goes with --preview; without it drafts are never listed");
        }
        return new PreviewMode(preview, preview && !noDrafts);
    }
}
