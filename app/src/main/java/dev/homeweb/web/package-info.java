/**
 * The HTTP layer: Jetty answers snapshot pages, Javalin the routes rendered per request, with
 * conditional GET and security headers.
 */
package dev.homeweb.web;
