A = load 'input/a' as (region:chararray, product:chararray, year:int, sales:double);
B = cube A by cube(region, product), rollup(year);
C = foreach B generate flatten(group), SUM(cube.sales) as total;
store C into 'output/x';
