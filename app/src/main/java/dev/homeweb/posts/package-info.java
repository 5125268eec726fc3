/** Posts and tags as the server reads them from the database, and full-text search over them. */
package dev.homeweb.posts;
