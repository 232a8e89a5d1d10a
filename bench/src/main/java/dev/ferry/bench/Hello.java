package dev.ferry.bench;

/**
 * The floor of a one-shot Java command with an application class: {@code java -cp ferry-bench.jar dev.ferry.bench.Hello}
 * starts the JVM, loads one class from a jar and prints one line (bench.py's row {@code floor: Hello world}).
 */
public final class Hello {

    private Hello() {}

    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
