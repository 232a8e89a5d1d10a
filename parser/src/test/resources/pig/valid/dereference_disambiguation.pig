A = load 'input/a' as (id:int, t:tuple(a:int, b:int));
B = load 'input/b' as (id:int, v:int);
C = join A by id, B by id;
D = foreach C generate A::id, A::t.a, A::t.(a, b), B::v;
store D into 'output/x';
