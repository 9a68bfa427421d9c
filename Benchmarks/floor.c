/*
 * The floor for XLSX output: writes the cells of a Cursus tenures table (read from the CSV that
 * Cursus writes for the same data) straight through libxlsxwriter in constant-memory mode, with
 * the same cell types: *_earliest and *_latest columns as dates with a number format, `ongoing` as
 * a boolean, everything else as strings. What it cannot beat is what Cursus cannot beat.
 *
 *   cc -O2 -o floor floor.c $(pkg-config --cflags --libs xlsxwriter)
 *   ./floor tenures.csv out.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 64

/* Reads one RFC 4180 record (quoted fields may hold commas, quotes and line breaks). */
static int read_record(FILE *in, char *fields[], int *count, char **buffer, size_t *capacity) {
    size_t length = 0;
    int quoted = 0, c, started = 0;
    *count = 0;
    size_t starts[MAX_FIELDS];
    starts[0] = 0;
    while ((c = fgetc(in)) != EOF) {
        started = 1;
        if (length + 2 >= *capacity) {
            *capacity = *capacity ? *capacity * 2 : 4096;
            *buffer = realloc(*buffer, *capacity);
        }
        if (quoted) {
            if (c == '"') {
                int next = fgetc(in);
                if (next == '"') { (*buffer)[length++] = '"'; continue; }
                quoted = 0;
                if (next != EOF) ungetc(next, in);
                continue;
            }
            (*buffer)[length++] = (char)c;
            continue;
        }
        if (c == '"') { quoted = 1; continue; }
        if (c == ',') {
            (*buffer)[length++] = '\0';
            if (*count + 1 < MAX_FIELDS) starts[++*count] = length;
            continue;
        }
        if (c == '\r') continue;
        if (c == '\n') break;
        (*buffer)[length++] = (char)c;
    }
    if (!started) return 0;
    (*buffer)[length] = '\0';
    (*count)++;
    for (int i = 0; i < *count; i++) fields[i] = *buffer + starts[i];
    return 1;
}

/* Days since 1899-12-30 for YYYY-MM-DD (Excel's 1900 system); -1 when not an Excel date. */
static double serial(const char *iso) {
    int y, m, d;
    if (strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1900) return -1;
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    return lxw_datetime_to_excel_datetime(&dt);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor tenures.csv out.xlsx\n"); return 64; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 66; }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Tenures");
    lxw_format *day = workbook_add_format(workbook);
    format_set_num_format(day, "yyyy-mm-dd");
    char *fields[MAX_FIELDS], *buffer = NULL;
    size_t capacity = 0;
    int count, header = 1, is_date[MAX_FIELDS] = {0}, is_bool[MAX_FIELDS] = {0};
    lxw_row_t row = 0;
    while (read_record(in, fields, &count, &buffer, &capacity)) {
        for (int col = 0; col < count; col++) {
            const char *cell = fields[col];
            if (header) {
                size_t n = strlen(cell);
                is_date[col] = (n > 9 && strcmp(cell + n - 9, "_earliest") == 0) || (n > 7 && strcmp(cell + n - 7, "_latest") == 0);
                is_bool[col] = strcmp(cell, "ongoing") == 0;
                worksheet_write_string(sheet, row, col, cell, NULL);
            } else if (!*cell) {
                continue;
            } else if (is_date[col] && serial(cell) >= 0) {
                worksheet_write_number(sheet, row, col, serial(cell), day);
            } else if (is_bool[col]) {
                worksheet_write_boolean(sheet, row, col, strcmp(cell, "true") == 0, NULL);
            } else {
                worksheet_write_string(sheet, row, col, cell, NULL);
            }
        }
        header = 0;
        row++;
    }
    free(buffer);
    fclose(in);
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
