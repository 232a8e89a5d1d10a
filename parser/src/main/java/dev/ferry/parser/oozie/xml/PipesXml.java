package dev.ferry.parser.oozie.xml;

/** {@code <pipes>} of a map-reduce action. */
public interface PipesXml {
    String getMap();

    String getReduce();

    String getInputformat();

    String getPartitioner();

    String getWriter();

    String getProgram();
}
