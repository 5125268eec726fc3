package dev.homeweb.content;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Short texts made of the given pieces, the same ones every run, for comparing two methods. */
final class RandomTexts {
    private RandomTexts() {}

    /** 20,000 texts of up to 11 pieces each. */
    static List<String> of(String... pieces) {
        var random = new SplittableRandom(15);
        return Stream.generate(
                        () -> {
                            var text = new StringBuilder();
                            int length = random.nextInt(12);
                            for (int i = 0; i < length; i++) {
                                text.append(pieces[random.nextInt(pieces.length)]);
                            }
                            return text.toString();
                        })
                .limit(20_000)
                .toList();
    }
}
