/** The site's paths, declared once; every link, feed address and route is derived from them. */
package dev.homeweb.routes;
