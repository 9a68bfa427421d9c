/// Counts in words: "1 person", "2 people", "1,000,000 tenures".
public enum Counting {
    /// `count` and the noun that fits it; the plural is the singular with an "s" unless given.
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// `number` with commas between groups of three digits, the same everywhere ("1,048,575").
    public static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var result = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
