package dev.homeweb.web;

import dev.homeweb.files.FileLibrary;
import dev.homeweb.files.StoredFile;
import dev.homeweb.site.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the imported files: those of a post under their content-hashed address, cached forever;
 * the site-wide ones under their own names, revalidated. Small files are kept in a bounded cache
 * and answered like pages; larger ones are streamed from the database chunk by chunk on each
 * request (browsers and proxies keep them, since their addresses never change), so the heap never
 * holds them whole.
 */
final class FileResponses {
    /** Files up to this size are kept once read; above it, streamed. */
    static final long KEPT_FILE_BYTES = 256 * 1024;

    /** What the kept files may take in all; the least recently used go first. */
    static final long KEPT_BYTES = 8L * 1024 * 1024;

    private final FileLibrary library;
    private final SecurityHeaders security;
    private final Kept kept = new Kept();

    FileResponses(FileLibrary library, SecurityHeaders security) {
        this.library = library;
        this.security = security;
    }

    /** Answers the file; reading it from the database happens on {@code executor}. */
    void send(
            Request request,
            Response response,
            Callback callback,
            StoredFile file,
            boolean head,
            Executor executor,
            Sender pages) {
        // By hash too: a site-wide file keeps its address when an import changes it.
        var key = file.hash() + file.path();
        var ready = kept.get(key);
        if (ready != null) {
            pages.send(request, response, callback, ready, head);
            return;
        }
        executor.execute(
                () -> {
                    try {
                        if (file.size() <= KEPT_FILE_BYTES) {
                            var page = prepare(file, library.read(file));
                            kept.put(key, page, file.size());
                            pages.send(request, response, callback, page, head);
                        } else {
                            stream(request, response, callback, file, head);
                        }
                    } catch (Exception e) {
                        Response.writeError(request, response, callback, e);
                    }
                });
    }

    /** How a prepared page is sent: the snapshot handler's way, shared with the pages. */
    interface Sender {
        void send(
                Request request,
                Response response,
                Callback callback,
                PreparedPage page,
                boolean head);
    }

    private static PreparedPage prepare(StoredFile file, byte[] bytes) {
        return new PreparedPage(
                new Page(bytes, file.contentType(), file.etag(), file.storedAt()),
                file.immutable() ? SnapshotHandler.IMMUTABLE : SnapshotHandler.REVALIDATE);
    }

    private void stream(
            Request request, Response response, Callback callback, StoredFile file, boolean head)
            throws Exception {
        var headers = response.getHeaders();
        headers.put(HttpHeader.ETAG, file.etag());
        headers.put(HttpHeader.LAST_MODIFIED, ConditionalRequest.httpDate(file.storedAt()));
        headers.add(file.immutable() ? SnapshotHandler.IMMUTABLE : SnapshotHandler.REVALIDATE);
        var requestHeaders = request.getHeaders();
        if (ConditionalRequest.notModified(
                requestHeaders.get(HttpHeader.IF_NONE_MATCH),
                requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE),
                file.etag(),
                file.storedAt())) {
            // As SnapshotHandler's 304: validators and caching fields, and HSTS.
            security.addHstsTo(headers);
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        headers.add(PreparedPage.contentType(file.contentType()));
        security.addTo(headers);
        headers.put(HttpHeader.CONTENT_LENGTH, file.size());
        response.setStatus(HttpStatus.OK_200);
        if (head) {
            response.write(true, null, callback);
            return;
        }
        try (var out = Content.Sink.asOutputStream(response)) {
            library.copy(file, out);
        }
        callback.succeeded();
    }

    /** The small files read so far, least recently used first, within {@link #KEPT_BYTES}. */
    private static final class Kept {
        private final Map<String, PreparedPage> pages = new LinkedHashMap<>(16, 0.75f, true);
        private final Map<String, Long> sizes = new LinkedHashMap<>();
        private long bytes;

        synchronized PreparedPage get(String path) {
            return pages.get(path);
        }

        synchronized void put(String path, PreparedPage page, long size) {
            if (pages.put(path, page) == null) {
                sizes.put(path, size);
                bytes += size;
            }
            var oldest = pages.keySet().iterator();
            while (bytes > KEPT_BYTES && oldest.hasNext()) {
                var path0 = oldest.next();
                oldest.remove();
                bytes -= sizes.remove(path0);
            }
        }
    }
}
