import CLibXLSXWriter
import CursusCore

#if canImport(Glibc)
    import Glibc
#endif

/// A libxlsxwriter failure, with the library's own words for it.
struct XLSXError: Error, CustomStringConvertible {
    let code: lxw_error
    /// What Cursus was doing ("writing row 12 of Tenures").
    let action: String

    var description: String { "libxlsxwriter failed \(action): \(String(cString: lxw_strerror(code)))" }

    static func check(_ code: lxw_error, _ action: @autoclosure () -> String) throws(XLSXError) {
        if code != LXW_NO_ERROR { throw XLSXError(code: code, action: action()) }
    }
}

/// A workbook being written by libxlsxwriter; C types stay inside this file.
final class Workbook {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private var isClosed = false

    /// A new workbook at `path`; in constant-memory mode rows must be written in order.
    init(path: String, constantMemory: Bool) throws(XLSXError) {
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: nil, use_zip64: 1)
        guard let handle = workbook_new_opt(path, &options) else {
            throw XLSXError(code: LXW_ERROR_CREATING_XLSX_FILE, action: "creating the workbook")
        }
        self.handle = handle
    }

    deinit {
        // A render that failed before `close()`: free the library's memory without writing the file.
        if !isClosed { lxw_workbook_free(handle) }
    }

    /// Sets the title and a fixed creation time (so equal inputs give equal files).
    func setProperties(title: String?, created: time_t) throws(XLSXError) {
        let code = withOptionalCString(title) { title in
            var properties = lxw_doc_properties()
            properties.title = title.map { UnsafeMutablePointer(mutating: $0) }
            properties.created = created
            return workbook_set_properties(handle, &properties)
        }
        try XLSXError.check(code, "setting the document properties")
    }

    func addWorksheet(named name: String) throws(XLSXError) -> Worksheet {
        try XLSXError.check(workbook_validate_sheet_name(handle, name), "naming the sheet '\(name)'")
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XLSXError(code: LXW_ERROR_MEMORY_MALLOC_FAILED, action: "adding the sheet '\(name)'")
        }
        return Worksheet(handle: sheet, name: name)
    }

    /// A cell format; `configure` sets its properties through `CellFormat`.
    func addFormat(_ configure: (CellFormat) -> Void) -> CellFormat {
        let format = CellFormat(handle: workbook_add_format(handle))
        configure(format)
        return format
    }

    /// Assembles and writes the file.
    func close() throws(XLSXError) {
        isClosed = true
        try XLSXError.check(workbook_close(handle), "writing the workbook")
    }

    private func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }
}

/// A cell format of a workbook.
struct CellFormat {
    let handle: UnsafeMutablePointer<lxw_format>?

    func bold() { format_set_bold(handle) }
    func numberFormat(_ pattern: String) { format_set_num_format(handle, pattern) }
    func fontColor(_ rgb: UInt32) { format_set_font_color(handle, rgb) }
    func underline() { format_set_underline(handle, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
    func fill(_ rgb: UInt32) {
        format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(handle, rgb)
    }
    func bottomBorder() { format_set_bottom(handle, UInt8(LXW_BORDER_THIN.rawValue)) }
    /// Lines of a cell shown as lines (and the row as tall as they need).
    func wrapText() { format_set_text_wrap(handle) }
    func topAligned() { format_set_align(handle, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
}

/// Text as Excel stores it: a literal `_xHHHH_` in the text would be read back as the character
/// U+HHHH (libxlsxwriter writes control characters that way), so its underscore is escaped as
/// `_x005F_`, as Excel itself does.
enum ExcelText {
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 12)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "_"), isEscapeSequence(bytes, at: index) { result.append(contentsOf: Array("_x005F".utf8)) }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// True when `_xHHHH_` starts at `index`.
    private static func isEscapeSequence(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else { return false }
        return bytes[(index + 2)..<(index + 6)].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
    }
}

/// One sheet of a workbook. Rows and columns are zero-based.
struct Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String

    /// Writes text as text: libxlsxwriter never reads a string as a formula, and a literal
    /// `_xHHHH_` stays as written.
    func write(string: String, row: Int, column: Int, format: CellFormat? = nil) throws(XLSXError) {
        try XLSXError.check(
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), ExcelText.escaped(string), format?.handle),
            "writing row \(row + 1), column \(column + 1) of \(name)")
    }

    func write(number: Double, row: Int, column: Int, format: CellFormat? = nil) throws(XLSXError) {
        try XLSXError.check(
            worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format?.handle),
            "writing row \(row + 1), column \(column + 1) of \(name)")
    }

    func write(bool: Bool, row: Int, column: Int, format: CellFormat? = nil) throws(XLSXError) {
        try XLSXError.check(
            worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), bool ? 1 : 0, format?.handle),
            "writing row \(row + 1), column \(column + 1) of \(name)")
    }

    func write(url: String, row: Int, column: Int, format: CellFormat? = nil) throws(XLSXError) {
        try XLSXError.check(
            worksheet_write_url(handle, lxw_row_t(row), lxw_col_t(column), url, format?.handle),
            "writing the link in row \(row + 1), column \(column + 1) of \(name)")
    }

    func freezeRows(_ rows: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), 0)
    }

    func autofilter(lastRow: Int, lastColumn: Int) throws(XLSXError) {
        try XLSXError.check(
            worksheet_autofilter(handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)),
            "setting the autofilter of \(name)")
    }

    /// Prints on the paper, landscape, scaled to the width of one page, the header row on every
    /// page and the sheet's name and page number in the footer.
    func setUpPrinting(_ printing: SheetPrinting, headerRows: Int) throws(XLSXError) {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, printing.paper)
        worksheet_fit_to_pages(handle, 1, 0)
        try XLSXError.check(worksheet_repeat_rows(handle, 0, lxw_row_t(headerRows - 1)), "repeating the header row of \(name)")
        try XLSXError.check(worksheet_set_footer(handle, printing.footer), "setting the footer of \(name)")
    }

    /// Tells Excel's error checker that numbers in these cells are meant as text.
    func ignoreNumbersStoredAsText(firstRow: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        var range = [CChar](repeating: 0, count: 32)
        lxw_rowcol_to_range(&range, lxw_row_t(firstRow), 0, lxw_row_t(lastRow), lxw_col_t(lastColumn))
        try XLSXError.check(
            worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), range),
            "marking the text cells of \(name)")
    }

    /// Sets a row's height in points; in constant-memory mode, before its cells are written.
    func setRowHeight(_ row: Int, _ height: Double) throws(XLSXError) {
        try XLSXError.check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "setting the height of row \(row + 1) of \(name)")
    }

    func setColumnWidth(_ column: Int, _ width: Double) throws(XLSXError) {
        try XLSXError.check(
            worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil),
            "setting the width of column \(column + 1) of \(name)")
    }
}

/// How a sheet prints: the paper's code and the footer, the sheet's name on the left and
/// "Page 2 of 5" in the workbook's language on the right.
struct SheetPrinting {
    let paper: UInt8
    let footer: String

    init(paper: UInt8, words: Words) {
        self.paper = paper
        // In a footer `&` starts a code (&P the page, &N the count): the words' own are doubled.
        let page = words.text(
            "text.page_footer", escapedBy: { $0.replacingOccurrences(of: "&", with: "&&") }, ["page": "&P", "pages": "&N"])
        footer = "&L&A&R" + page
    }
}
