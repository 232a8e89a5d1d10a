package dev.ferry.parser.pig;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * What a compiled UDF class is, read from its class file's bytes with ASM (the class is never loaded or run):
 * its Pig base class from the superclass name, and EvalFunc's type argument from the generic signature javac
 * records ({@code Lorg/apache/pig/EvalFunc<Ljava/lang/Integer;>;}).
 */
final class UdfClassFile {

    private static final String PIG = "org/apache/pig/";

    private UdfClassFile() {}

    /** At most this many classes are read up a UDF's superclass chain. */
    private static final int MAX_DEPTH = 8;

    /** The UDF the bytes describe, or empty when they are not a class file; its superclasses are not looked up. */
    static Optional<JavaUdf> describe(byte[] bytes, String className, String display) {
        return describe(bytes, className, display, name -> Optional.empty());
    }

    /**
     * The UDF the bytes describe, or empty when they are not a class file. A class whose superclass is not one of
     * Pig's bases ({@code SIN extends DoubleBase extends Base extends EvalFunc<Double>}) is described by its
     * superclasses, each read with {@code superclass} (class bytes by internal name, empty when not at hand), up to
     * {@value #MAX_DEPTH} levels; EvalFunc's type argument is the one the chain gives it (a type variable resolved
     * by the first type argument its subclass passes).
     */
    static Optional<JavaUdf> describe(
            byte[] bytes, String className, String display, Function<String, Optional<byte[]>> superclass) {
        Optional<Collector> read = read(bytes);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Collector leaf = read.get();
        Set<String> interfaces = new HashSet<>(leaf.interfaces);
        Collector at = leaf;
        String passed = "";
        for (int depth = 0; at.kind == JavaUdf.Kind.OTHER && at.superName != null && depth < MAX_DEPTH; depth++) {
            passed = at.superArgument.isEmpty() ? passed : at.superArgument;
            Optional<Collector> up = superclass.apply(at.superName).flatMap(UdfClassFile::read);
            if (up.isEmpty()) {
                break;
            }
            at = up.get();
            interfaces.addAll(at.interfaces);
        }
        String resultType = at.kind == JavaUdf.Kind.EVAL_FUNC && at.superArgument.isEmpty() ? passed : at.superArgument;
        return Optional.of(new JavaUdf(
                className,
                display,
                at.kind,
                at.kind == JavaUdf.Kind.EVAL_FUNC ? resultType : "",
                interfaces.contains(PIG + "Algebraic"),
                interfaces.contains(PIG + "Accumulator")));
    }

    private static Optional<Collector> read(byte[] bytes) {
        Collector collector = new Collector();
        try {
            new ClassReader(bytes)
                    .accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(collector);
    }

    private static final class Collector extends ClassVisitor {
        JavaUdf.Kind kind = JavaUdf.Kind.OTHER;
        /** The simple name of the superclass's first type argument, empty when none or a type variable. */
        String superArgument = "";

        String superName;
        Set<String> interfaces = Set.of();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaceNames) {
            interfaces = interfaceNames == null ? Set.of() : Set.of(interfaceNames);
            this.superName = superName;
            kind = switch (superName == null ? "" : superName) {
                case PIG + "EvalFunc" -> JavaUdf.Kind.EVAL_FUNC;
                case PIG + "FilterFunc" -> JavaUdf.Kind.FILTER_FUNC;
                case PIG + "LoadFunc", PIG + "FileInputLoadFunc" -> JavaUdf.Kind.LOAD_FUNC;
                case PIG + "StoreFunc" -> JavaUdf.Kind.STORE_FUNC;
                default -> JavaUdf.Kind.OTHER;
            };
            if (signature != null) {
                SuperclassArgument argument = new SuperclassArgument();
                new SignatureReader(signature).accept(argument);
                superArgument = argument.simpleName;
            }
        }
    }

    /** The simple name of the superclass's first type argument: {@code Integer}, {@code DataBag}, {@code Map}. */
    private static final class SuperclassArgument extends SignatureVisitor {
        String simpleName = "";
        private boolean inSuperclass;
        private int depth;

        SuperclassArgument() {
            super(Opcodes.ASM9);
        }

        @Override
        public SignatureVisitor visitSuperclass() {
            inSuperclass = true;
            return this;
        }

        @Override
        public SignatureVisitor visitInterface() {
            inSuperclass = false;
            return this;
        }

        @Override
        public SignatureVisitor visitTypeArgument(char wildcard) {
            depth++;
            return this;
        }

        @Override
        public void visitClassType(String name) {
            if (inSuperclass && depth == 1 && simpleName.isEmpty()) {
                simpleName = name.substring(name.lastIndexOf('/') + 1).replace('$', '.');
            }
        }

        @Override
        public void visitEnd() {
            if (depth > 0) {
                depth--;
            }
        }
    }
}
