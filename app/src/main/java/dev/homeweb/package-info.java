/**
 * The composition root: {@code Main} wires the command line to {@code App}, which builds config,
 * database, services and web server with constructors.
 */
package dev.homeweb;
