package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;

/**
 * What the translation knows of the inside of a map value, so that {@code m#'k'} has Pig's type.
 *
 * @param valueType the Pig type of the map's values as the SQL map holds them: the declared type of
 *     a LOAD's {@code map[chararray]} (bytearray for {@code map[]}: Pig keeps the text's bytes), the
 *     arguments' type for a map built by TOMAP or {@code [...]} (Pig keeps the values as they are)
 */
record Inner(PigType valueType) {}
