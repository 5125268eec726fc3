/** The files served beside the pages: a post's files and the site-wide ones, as imported. */
package dev.homeweb.files;
