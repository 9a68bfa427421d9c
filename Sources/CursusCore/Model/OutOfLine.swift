/// Fields a record keeps out of line: they can be made empty, and tell when they are.
protocol OutOfLineFields: Sendable {
    /// The fields, all empty (one value shared by every record that sets none).
    static var empty: Self { get }
    var isEmpty: Bool { get }
}

/// Fields kept out of line behind one pointer, copied on write, and not allocated at all while
/// they are empty: for records whose rarely-used fields would otherwise make every copy large.
struct OutOfLine<Fields: OutOfLineFields>: Sendable {
    private final class Box: @unchecked Sendable {
        // Mutated only through `value`'s modify, once the box is unique.
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box?

    /// Empty: nothing allocated.
    init() {}

    /// These fields, allocated only when one is set.
    init(_ fields: Fields) {
        if !fields.isEmpty { box = Box(fields) }
    }

    /// The fields (empty ones when none was ever set).
    var value: Fields {
        // Read in place: reading one field copies that field alone.
        _read {
            if let box { yield box.fields } else { yield Fields.empty }
        }
        _modify {
            if box == nil {
                box = Box(Fields.empty)
            } else if !isKnownUniquelyReferenced(&box!) {
                box = Box(box!.fields)
            }
            yield &box!.fields
        }
    }
}
