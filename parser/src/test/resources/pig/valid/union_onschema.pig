A = load 'input/a' as (x:int, y:chararray);
B = load 'input/b' as (y:chararray, x:int);
C = union onschema A, B;
D = load 'input/d' as (x:int, y:chararray);
E = union A, D;
store C into 'output/c';
store E into 'output/e';
