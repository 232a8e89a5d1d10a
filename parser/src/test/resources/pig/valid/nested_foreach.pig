A = load 'input/a' as (user:chararray, url:chararray, ts:long);
B = group A by user;
C = foreach B {
    visits = A.url;
    uniq = distinct visits;
    recent = filter A by ts > 100L;
    sorted = order recent by ts desc;
    top = limit sorted 3;
    generate group, COUNT(uniq) as distinct_urls, top;
}
store C into 'output/x';
