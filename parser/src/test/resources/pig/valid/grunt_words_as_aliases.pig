-- Grunt command words (cp, ls, cat, mv, rm, dump) name aliases when an '=' follows, at the top and in a nested block.
cp = LOAD 'input/students' AS (name:chararray, gpa:double, age:int);
ls = FOREACH cp GENERATE name, gpa, age;
mv = GROUP ls BY name;
rm = FOREACH mv {
  cat = FILTER ls BY age > 20;
  dump = cat.gpa;
  GENERATE group, SUM(dump), COUNT(cat);
};
STORE rm INTO 'output/gpa';
