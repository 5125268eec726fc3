/**
 * The {@code home-web} command line (picocli): one class per subcommand, errors mapped to exit
 * codes, the work done through {@link dev.homeweb.cli.Application}.
 */
package dev.homeweb.cli;
