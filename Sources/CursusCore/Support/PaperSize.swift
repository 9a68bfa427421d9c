/// The paper sizes printed outputs are laid out for.
public enum PaperSize: String, Sendable, CaseIterable {
    case a4, letter, a3

    /// Width and height in points (1/72 inch), portrait.
    public var points: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.28, 841.89)
        case .letter: return (612, 792)
        case .a3: return (841.89, 1190.55)
        }
    }

    /// Width and height in points, landscape.
    public var landscape: (width: Double, height: Double) {
        (max(points.width, points.height), min(points.width, points.height))
    }
}
