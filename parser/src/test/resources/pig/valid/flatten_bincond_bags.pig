-- FLATTEN of a bincond whose branches are bags: a row of defaults where the bag is null or empty.
rows = load 'input/rows' using PigStorage('\t') as (id:int, items:bag{t:(x:int, y:chararray)});
kept = foreach rows generate id, flatten((items is null ? {(null, null)} : items));
present = filter rows by items is not null;
padded = foreach present generate id, flatten((IsEmpty(items) ? {(0, 'none')} : items));
store kept into 'output/kept';
store padded into 'output/padded';
