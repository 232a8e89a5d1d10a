A = load 'input/a' as (id:int, name:chararray);
B = load 'input/b' as (id:int, amount:double);
C = join A by id left outer, B by id;
D = join A by id right, B by id;
E = join A by id full outer, B by id;
store C into 'output/c';
store D into 'output/d';
store E into 'output/e';
