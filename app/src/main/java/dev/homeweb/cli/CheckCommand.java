package dev.homeweb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check content/site.yaml and the theme/ folder beside the content folder, and exit:",
            "every template compiles and asks only for names its page is given.",
            "Touches no database; import, serve and './deploy plan' run the same check first."
        })
final class CheckCommand implements Callable<Integer> {
    @ParentCommand HomeWebCommand parent;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println(parent.app(CommonOptions.given(spec), out).checkLook());
        return 0;
    }
}
