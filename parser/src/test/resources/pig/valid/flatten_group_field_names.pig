A = load 'input/visits' as (site:chararray, year:int, hits:long);
G = group A by (site, year);
C = foreach G generate group, COUNT(A) as n;
F = foreach C generate FLATTEN(group.year), FLATTEN(group.site), FLATTEN(n);
P = foreach G generate $0, SUM(A.hits) as hits;
Q = foreach P generate group.site, hits;
store F into 'output/by_year' using PigStorage(',');
store Q into 'output/by_site';
