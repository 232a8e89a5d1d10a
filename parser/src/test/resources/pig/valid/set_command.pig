set default_parallel 20;
set job.name 'my job';
A = load 'input/a' as (x:int);
store A into 'output/x';
