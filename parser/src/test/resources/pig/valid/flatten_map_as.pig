A = load 'input/docs' as (key:chararray, attrs:map[]);
W = foreach A generate FLATTEN(attrs) as word;
G = group W by word;
C = foreach G generate group, COUNT(W);
E = foreach A generate key, FLATTEN(attrs) as (k, v:chararray);
store C into 'output/words';
store E into 'output/entries';
