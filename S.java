import dev.ferry.runtime.SqlScript;
import java.nio.file.*;
public class S { public static void main(String[] a) throws Exception {
  for (String s : SqlScript.split(Files.readString(Path.of(a[0])))) System.out.println("=====\n" + s);
}}
