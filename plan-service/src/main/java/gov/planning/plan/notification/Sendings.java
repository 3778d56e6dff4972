package gov.planning.plan.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What the mail and IM-robot outboxes do alike with what they claimed: group it by sending (one scan, one person's
 * 催办) and send a sending as one message per item or, from {@code planning.reminders.digest-from} items, as one digest
 * (docs/decisions/0025). Every step answers how many items went out.
 */
final class Sendings {

    private Sendings() {
    }

    /** The claimed items per sending ({@code key}), sendings and items in the claim's order. */
    static <T, K> Collection<List<T>> of(List<T> claimed, Function<T, K> key) {
        return claimed.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList())).values();
    }

    /** {@code send} of each item, one after another; the items each answered went out, summed. */
    static <T> Uni<Integer> inTurn(Iterable<T> items, Function<T, Uni<Integer>> send) {
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(send::apply)
                .collect().asList().map(sent -> sent.stream().mapToInt(Integer::intValue).sum());
    }

    /** A sending as {@code digest} when it has at least {@code digestFrom} items, else {@code each} item on its own. */
    static <T> Uni<Integer> digestOrEach(List<T> sending, int digestFrom, Function<List<T>, Uni<Integer>> digest,
            Function<T, Uni<Integer>> each) {
        return sending.size() >= digestFrom ? digest.apply(sending) : inTurn(sending, each);
    }
}
