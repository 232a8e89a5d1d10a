A = load 'input/a' as (line:chararray);
B = foreach A generate flatten(TOKENIZE(line)) as word;
C = foreach A generate flatten(STRSPLIT(line, ',', 2)) as (first:chararray, rest:chararray);
store B into 'output/b';
store C into 'output/c';
