-- A macro definition ends at its '}': Pig reads the next statement (or DEFINE) without a ';' between.
define keep_adults(rel, min_age) returns kept {
    $kept = filter $rel by age >= $min_age;
}
define totals(rel) returns t1, t2 {
    g = group $rel by name;
    $t1 = foreach g generate group, SUM($rel.age);
    $t2 = foreach (group $rel all) generate COUNT($rel);
}
define write_names(rel, out) returns void {
    names = foreach $rel generate name;
    store names into '$out';
}
people = load 'input/people' as (name:chararray, age:int);
adults = keep_adults(people, 18);
s, n = totals(adults);
store s into 'output/sums';
store n into 'output/count';
write_names(adults, 'output/names');
