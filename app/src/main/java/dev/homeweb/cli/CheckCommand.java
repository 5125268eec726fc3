package dev.homeweb.cli;

import picocli.CommandLine.Command;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check content/site.yaml and the theme/ folder beside the content folder, and exit:",
            "every template compiles and asks only for names its page is given.",
            "Touches no database; import, serve and './deploy plan' run the same check first."
        })
final class CheckCommand extends AppCommand {
    @Override
    public Integer call() {
        var out = out();
        out.println(app().checkLook());
        return 0;
    }
}
