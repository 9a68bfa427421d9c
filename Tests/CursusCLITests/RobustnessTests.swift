import CursusTestSupport
import Foundation
import Testing

/// Hostile and broken input never crashes Cursus: it exits 0 (accepted) or 65 (refused, with a
/// message), through the same commands a user runs.
@Suite struct RobustnessTests {
    /// What a fuzz target's inputs are, as a file name and the command that reads that file.
    static func command(forFuzzTarget target: String, input: Data) -> (file: String, arguments: [String]) {
        switch target {
        case "edtf": return ("unused.txt", ["date", String(decoding: input, as: UTF8.self)])
        case "dossier":
            return input.first == UInt8(ascii: "{")
                ? ("input.json", ["validate", "input.json"]) : ("input.yml", ["validate", "input.yml"])
        case "jsonl": return ("input.jsonl", ["validate", "input.jsonl"])
        case "table": return ("input.csv", ["validate", "input.csv"])
        case "manifest": return ("cursus.yml", ["validate", "cursus.yml"])
        case "infobox": return ("input.wiki", ["import", "infobox", "input.wiki"])
        case "wikidata": return ("input.json", ["import", "wikidata", "input.json"])
        case "csv-import": return ("input.csv", ["import", "csv", "input.csv"])
        case "article":
            return input.first == UInt8(ascii: "<")
                ? ("input.html", ["import", "article", "input.html", "--published", "2017-06-26"])
                : ("input.txt", ["import", "article", "input.txt", "--published", "2017-06-26"])
        case "render": return ("input.yml", ["render", "--quiet", "render.yml"])
        default: fatalError("unknown fuzz target \(target)")
        }
    }

    /// Runs `input` through its command and checks that Cursus handled it.
    func expectHandled(_ input: Data, target: String, _ what: @autoclosure () -> String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (file, arguments) = Self.command(forFuzzTarget: target, input: input)
        if target == "edtf" && input.contains(0) { return }  // no command line can carry a NUL
        try workspace.write(file, input)
        if target == "render" { try workspace.write("render.yml", Self.everyRenderer) }
        let result = try workspace.run(arguments)
        let crashed = ["Fatal error", "Backtracing", "runtime failure", "Illegal instruction"].contains { result.stderr.contains($0) }
        #expect([0, 65].contains(result.status) && !crashed, "\(what()): exit \(result.status)\n\(result.stderr.prefix(2000))")
        if result.status == 65 {
            #expect(result.stderr.contains("error: "), "\(what()): refused without saying why")
        }
    }

    /// A manifest that gives a dossier to every built-in renderer (the chart as DOT only, to keep
    /// the test fast; `GanttCLITests` draws hostile labels with the real neato).
    static let everyRenderer = """
        cursus: 1
        inputs: [input.yml]
        as_of: 2026-11-22
        outputs:
          - {renderer: csv, path: tenures.csv}
          - {renderer: csv, path: events.csv, options: {table: events}}
          - {renderer: xlsx, path: all.xlsx}
          - {renderer: chronology, path: all.txt, options: {width: 60, page_length: 30}}
          - {renderer: chronology, path: all.md}
          - {renderer: gantt, path: chart.dot}
          - {renderer: json, path: all.json}

        """

    /// Every input the fuzzers found a bug with stays fixed (`Tests/Fuzz/Regressions/TARGET/`).
    @Test(arguments: regressionInputs())
    func fuzzRegressionIsHandled(_ path: String) throws {
        let target = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        try expectHandled(try Data(contentsOf: URL(fileURLWithPath: path)), target: target, path)
    }

    static func regressionInputs() -> [String] {
        let root = repositoryRoot.appendingPathComponent("Tests/Fuzz/Regressions")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                paths.append(root.appendingPathComponent(name).path)
            }
        }
        return paths.sorted()
    }

    /// A few hundred damaged copies of real inputs (bytes flipped, cut, repeated, or replaced by
    /// YAML, JSON and wikitext syntax), made by a seeded generator so that a failure can be replayed;
    /// the damaged dossiers that are still valid go through every renderer.
    @Test(arguments: [
        ("dossier", "Examples/kislyak/kislyak.yml"),
        ("render", "Examples/kislyak/kislyak.yml"),
        ("infobox", "Tests/CursusImportTests/Fixtures/officeholder.wiki"),
        ("wikidata", "Tests/CursusImportTests/Fixtures/entity.json"),
        ("article", "Tests/CursusImportTests/Fixtures/article.html"),
    ])
    func mutatedInputsAreHandled(_ target: String, _ path: String) throws {
        let original = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
        // FNV-1a of the case: a different, fixed stream of mutations for each.
        var generator = SeededGenerator(seed: (target + path).utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 })
        for index in 0..<120 {
            let mutated = Mutator.mutate(original, using: &generator)
            try expectHandled(Data(mutated), target: target, "\(path), mutation \(index)")
        }
    }
}

/// Damages bytes the way fuzzers and careless editors do.
enum Mutator {
    static let tokens: [[UInt8]] = [
        "{{", "}}", "|", ":", ": ", "- ", "&a ", "*a", "<<: *a", "!!binary ", "\"", "'", "[", "]", "{", "}", ",", "\n",
        "\r", "\t", "\u{0}", "\u{1B}[2J", "\u{FEFF}", "-", "/", "..", "~", "?", "X", "Y99999999999", "9999-99-99",
        "null", "true", "1e999", "\\u0000", "\\ud800", "é", "Кисляк", "ongoing: true", "end: 1800", "id: kislyak",
        "person: nobody", "sources: [nowhere]", "=cmd|' /C calc'!A0",
    ].map { Array($0.utf8) }

    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &generator)))
            case 2:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            case 3: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: at)
            }
        }
        return bytes
    }
}

/// SplitMix64: the same numbers on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
