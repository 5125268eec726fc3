/**
 * Atom, RSS and JSON Feed documents, the sitemap and robots.txt, written from the posts and never
 * from the clock.
 */
package dev.homeweb.feeds;
