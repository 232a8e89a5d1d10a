A = load 'input/a' as (id:int, x:int);
B = load 'input/b' as (id:int, y:int);
C = join A by id, B by id using 'replicated';
D = join A by id, B by id using 'skewed';
E = join A by id left outer, B by id using 'replicated';
store C into 'output/c';
store D into 'output/d';
store E into 'output/e';
