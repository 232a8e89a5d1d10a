A = load 'input/a' as (id:int, x:int);
B = load 'input/b' as (id:int, y:int);
C = load 'input/c' as (id:int, z:int);
D = join A by id, B by id, C by id;
store D into 'output/x';
