A = load 'input/a' using org.apache.pig.builtin.PigStorage('\t') as (x:int, y:chararray);
store A into 'output/x' using org.apache.pig.builtin.PigStorage(',');
store A into 'output/y' using BinStorage();
