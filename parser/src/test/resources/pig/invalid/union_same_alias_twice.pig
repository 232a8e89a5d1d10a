A = load 'input/a' as (x:int, y:chararray);
B = load 'input/b' as (x:int, y:chararray);
C = union B, A, B;
store C into 'output/x';
