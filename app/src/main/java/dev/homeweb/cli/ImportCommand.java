package dev.homeweb.cli;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.ConfigException;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.Permalinks;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Load the content folder into the database and exit.",
            "Every file is validated first; on any error nothing changes and a running server keeps its content."
        })
final class ImportCommand extends AppCommand {
    static final String PREVIEW_LINE = "  preview of ";

    @Option(
            names = "--hugo-permalinks",
            paramLabel = "PATTERN",
            description = {
                "Import nothing; list the old address each post had under this Hugo pattern"
                        + " (hugo.toml's [permalinks] posts = ...), such as /:year/:month/:slug/,"
                        + " where the post's aliases do not keep it yet."
            })
    String hugoPermalinks;

    @Option(
            names = "--jekyll-permalink",
            paramLabel = "PATTERN",
            description = {
                "As --hugo-permalinks, for Jekyll's _config.yml permalink: a pattern such as"
                        + " /:categories/:year/:month/:day/:title:output_ext, or date (Jekyll's"
                        + " default), pretty, ordinal or none."
            })
    String jekyllPermalink;

    @Override
    public Integer call() {
        var out = out();
        if (hugoPermalinks != null || jekyllPermalink != null) {
            listOldAddresses(out);
            return 0;
        }
        var imported = app().importContent();
        out.println("Imported: " + imported.report());
        printPreviews(out, imported.previews());
        return 0;
    }

    /**
     * One line per draft, each starting with {@link #PREVIEW_LINE}, so that {@code ./deploy} can
     * pick them out of the import's journal.
     */
    static void printPreviews(PrintWriter out, List<Application.Preview> previews) {
        if (previews.isEmpty()) {
            return;
        }
        out.println(
                "Draft previews (unlisted, noindex, never cached; each becomes a redirect to the"
                        + " post once it is published):");
        for (var preview : previews) {
            out.println(PREVIEW_LINE + preview.sourcePath() + " " + preview.url());
        }
    }

    private void listOldAddresses(PrintWriter out) {
        if (hugoPermalinks != null && jekyllPermalink != null) {
            throw new ConfigException("give --hugo-permalinks or --jekyll-permalink, not both");
        }
        Permalinks permalinks;
        try {
            permalinks =
                    hugoPermalinks != null
                            ? Permalinks.hugo(hugoPermalinks)
                            : Permalinks.jekyll(jekyllPermalink);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        var contentDir =
                AppConfig.from(CommonOptions.given(spec), parent.environment()).contentDir();
        var posts = new ContentReader().read(contentDir);
        var missing = permalinks.missingAliases(posts);
        if (missing.isEmpty()) {
            out.println(
                    "Every post keeps its address under " + permalinks + "; nothing was imported.");
            return;
        }
        out.println(
                "Old addresses under "
                        + permalinks
                        + " that no alias keeps yet; add each to its post's aliases"
                        + " (nothing was imported):");
        for (var entry : missing) {
            out.println("  " + entry.getKey().file() + ": " + entry.getValue());
        }
        out.println(missing.size() + " of " + posts.size() + " posts need an alias.");
    }
}
