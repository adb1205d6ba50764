# Turns each codebook TSV into a C string named cb_tsv_<file name>.
function flush() {
	if (name != "")
		printf ";\n";
}
FNR == 1 {
	flush();
	name = FILENAME;
	sub(/.*\//, "", name);
	sub(/\.tsv$/, "", name);
	printf "extern const char cb_tsv_%s[];\nconst char cb_tsv_%s[] =\n", name, name;
}
{
	line = $0;
	gsub(/\\/, "\\\\", line);
	gsub(/"/, "\\\"", line);
	gsub(/\t/, "\\t", line);
	printf "    \"%s\\n\"\n", line;
}
END { flush(); }
