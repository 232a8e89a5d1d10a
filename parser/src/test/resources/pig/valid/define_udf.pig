DEFINE splitter org.apache.pig.builtin.TOKENIZE();
DEFINE csv org.apache.pig.builtin.PigStorage(',');
A = load 'input/a' using csv as (line:chararray);
B = foreach A generate flatten(splitter(line)) as word;
store B into 'output/x' using csv;
