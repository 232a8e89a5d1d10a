A = load 'input/sales' using PigStorage(',') as (id:chararray, product:chararray, price:double, qty:int, customer:chararray);
B = foreach A generate $0 .. $4, price * qty as total;
G = group B by customer;
C = foreach G generate FLATTEN(B.customer), SUM(B.total) as spent;
store C into 'output/spent';
