package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.routes.Routes;

/**
 * The markup the previews add to a page, in one place: a draft's notice and mark, and the local
 * preview's reload script. A deployed site never emits the script.
 */
final class PreviewMarkup {
    private PreviewMarkup() {}

    /** Above a draft's text, on its preview page and in a local preview. */
    static String draftNotice(Post post) {
        return post.draft()
                ? "<p class=\"draft-notice\" role=\"note\"><strong>Draft</strong>: not published."
                        + " The public site shows it only at its private preview address.</p>\n"
                : "";
    }

    /** After a draft's date in a list of posts (a local preview lists drafts). */
    static String draftMark(Post post) {
        return post.draft() ? " · <strong class=\"draft-mark\">Draft</strong>" : "";
    }

    /**
     * The reload script, from this site ({@code script-src 'self'}, nothing inline), only when
     * {@code liveReload}; a line of {@code <head>} ending in a newline, or nothing.
     */
    static String liveReloadScript(boolean liveReload) {
        return liveReload
                ? "<script src=\""
                        + Routes.LIVE_RELOAD_SCRIPT
                        + "\" data-events=\""
                        + Routes.LIVE_RELOAD_EVENTS
                        + "\" defer></script>\n"
                : "";
    }
}
