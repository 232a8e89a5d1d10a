A = load 'input/a' as (id:int, name:chararray);
B = load 'input/b' as (id:int, amount:double);
C = join A by id, B by id;
D = foreach C generate A::name, B::amount;
store D into 'output/x';
