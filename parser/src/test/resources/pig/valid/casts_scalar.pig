A = load 'input/x' as (a, b, c, d);
B = foreach A generate (int)a as i, (long)b as l, (float)c as f, (double)d as d2, (chararray)a as s, (bytearray)b as ba, (boolean)c as bo, (datetime)d as dt, (biginteger)a as bi, (bigdecimal)b as bd;
store B into 'output/x';
