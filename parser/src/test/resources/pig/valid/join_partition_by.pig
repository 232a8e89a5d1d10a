A = load 'input/a' as (id:int, x:int);
B = load 'input/b' as (id:int, y:int);
C = join A by id, B by id partition by org.apache.pig.test.utils.SimpleCustomPartitioner;
store C into 'output/x';
