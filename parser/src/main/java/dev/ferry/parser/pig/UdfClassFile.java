package dev.ferry.parser.pig;

import java.util.Optional;
import java.util.Set;
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

    /** The UDF the bytes describe, or empty when they are not a class file. */
    static Optional<JavaUdf> describe(byte[] bytes, String className, String display) {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Collector collector = new Collector();
        try {
            reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new JavaUdf(
                className,
                display,
                collector.kind,
                collector.resultType,
                collector.interfaces.contains(PIG + "Algebraic"),
                collector.interfaces.contains(PIG + "Accumulator")));
    }

    private static final class Collector extends ClassVisitor {
        JavaUdf.Kind kind = JavaUdf.Kind.OTHER;
        String resultType = "";
        Set<String> interfaces = Set.of();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaceNames) {
            interfaces = interfaceNames == null ? Set.of() : Set.of(interfaceNames);
            kind = switch (superName == null ? "" : superName) {
                case PIG + "EvalFunc" -> JavaUdf.Kind.EVAL_FUNC;
                case PIG + "FilterFunc" -> JavaUdf.Kind.FILTER_FUNC;
                case PIG + "LoadFunc", PIG + "FileInputLoadFunc" -> JavaUdf.Kind.LOAD_FUNC;
                case PIG + "StoreFunc" -> JavaUdf.Kind.STORE_FUNC;
                default -> JavaUdf.Kind.OTHER;
            };
            if (kind == JavaUdf.Kind.EVAL_FUNC && signature != null) {
                SuperclassArgument argument = new SuperclassArgument();
                new SignatureReader(signature).accept(argument);
                resultType = argument.simpleName;
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
