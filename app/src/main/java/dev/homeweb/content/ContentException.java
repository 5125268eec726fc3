package dev.homeweb.content;

import java.util.List;
import java.util.stream.Collectors;

/** The content folder cannot be imported; nothing was changed. Lists every problem found. */
public final class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ContentError> errors;

    public ContentException(List<ContentError> errors) {
        super(
                errors.size()
                        + (errors.size() == 1 ? " problem" : " problems")
                        + " in the content; nothing was imported:\n  "
                        + errors.stream()
                                .map(ContentError::toString)
                                .collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public List<ContentError> errors() {
        return errors;
    }
}
