/*
 * `mapa render [--strict] [options] EDITION`: builds the validated
 * catalogue exactly as `mapa check` does and writes the outputs the edition
 * names under vystupy — the reader PDF, the print PDF with bleed and crop
 * marks, the imposed booklet, the XLSX appendices — for the edition and
 * then for each of its variants (varianty), each from a catalogue loaded
 * with the variant's filters. Relative paths are resolved against the
 * edition file's folder; --pdf, --print, --booklet and --xlsx name files
 * relative to the current one and then only those are written (no
 * variants). Outputs are written only when there is no error (with
 * --strict, no warning either); otherwise the messages are followed by
 * "outputs not written: fix the errors above" and the exit status is 1 (3
 * for a file that could not be read or written). A failed write never
 * leaves a partial file and never replaces a previous good one.
 */
#ifndef MAPA_CMD_RENDER_H
#define MAPA_CMD_RENDER_H

int	cmd_render(int argc, char **argv);

#endif
