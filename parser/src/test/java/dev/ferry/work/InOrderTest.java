package dev.ferry.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InOrderTest {

    /** Later items finish first (they sleep less), yet results come back in the items' order, on any thread count. */
    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2, 4})
    void handsResultsBackInTheItemsOrder(int cores) {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Integer> handed = new ArrayList<>();
        InOrder.forEach(
                items,
                item -> {
                    threads.add(Thread.currentThread());
                    sleep(40 - item);
                    return item * item;
                },
                handed::add,
                cores);
        assertEquals(items.stream().map(i -> i * i).toList(), handed);
        assertEquals(cores, threads.size(), "threads used: " + threads);
        assertEquals(
                cores == 1, threads.contains(Thread.currentThread()), "one core: the calling thread does the work");
    }

    /** A failing item: the results before it are handed back, then its own exception is thrown, unchanged. */
    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void throwsTheItemsExceptionAfterTheResultsBeforeIt(int cores) {
        List<Integer> handed = new ArrayList<>();
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class,
                () -> InOrder.forEach(
                        IntStream.range(0, 20).boxed().toList(),
                        item -> {
                            if (item == 7) {
                                throw new IllegalArgumentException("item 7");
                            }
                            return item;
                        },
                        handed::add,
                        cores));
        assertEquals("item 7", thrown.getMessage());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), handed);
    }

    /** Workers have the converting thread's deep stack: a recursion that overflows a default 1 MiB stack completes. */
    @org.junit.jupiter.api.Test
    void workersHaveTheDeepStack() {
        List<Integer> depths = new ArrayList<>();
        InOrder.forEach(List.of(200_000, 200_000), InOrderTest::depth, depths::add, 2);
        assertEquals(List.of(200_000, 200_000), depths);
        assertThrows(StackOverflowError.class, () -> {
            Thread shallow = new Thread(null, () -> depth(200_000), "shallow", 1 << 20);
            Throwable[] failure = {null};
            shallow.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
            shallow.start();
            shallow.join();
            assertTrue(failure[0] instanceof StackOverflowError, "a 1 MiB stack overflows: " + failure[0]);
            throw (StackOverflowError) failure[0];
        });
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
