-- A macro library: IMPORTed by ../import_macro.pig.
DEFINE top_n(rel, col, n) RETURNS result {
    sorted = order $rel by $col desc;
    $result = limit sorted $n;
};
