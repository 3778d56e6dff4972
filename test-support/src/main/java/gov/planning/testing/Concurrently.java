package gov.planning.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;

/** Sends the same request from many threads released at once, as users racing each other would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code request} {@code times} times in parallel and answers every response, in no particular order. */
    public static List<JsonPath> run(int times, Callable<JsonPath> request) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<JsonPath>> pending = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<JsonPath> answers = new ArrayList<>();
            for (Future<JsonPath> answer : pending) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("a concurrent request failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What each answer was: "ok" without errors, else the first error's {@code extensions.code}. */
    public static List<String> outcomes(List<JsonPath> answers) {
        return answers.stream().map(a -> a.getString("errors") == null ? "ok" : String.valueOf(GraphQLClient.firstErrorCode(a))).toList();
    }
}
