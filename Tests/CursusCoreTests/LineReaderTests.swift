import CursusTestSupport
import Foundation
import Testing

@testable import CursusCore

@Suite struct LineReaderTests {
    /// Lines of every length around the reader's 64 KiB chunks, with LF, CRLF and no final break,
    /// come back exactly, numbered from 1.
    @Test func linesAcrossChunkBoundariesComeBackWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [[UInt8]] = []
        var data: [UInt8] = []
        for (index, length) in [0, 1, 65_535, 65_536, 65_537, 3, 131_072, 0, 200_000, 7].enumerated() {
            let line = (0..<length).map { UInt8(ascii: "a") + UInt8(($0 + index) % 26) }
            lines.append(line)
            data += line + (index % 2 == 0 ? [0x0A] : [0x0D, 0x0A])
        }
        data += Array("last, without a break".utf8)
        lines.append(Array("last, without a break".utf8))
        let path = folder.appendingPathComponent("lines.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(data)))
        let reader = try LineReader(path: path, what: "test")
        var read: [[UInt8]] = []
        while let bytes = try reader.next() {
            read.append(Array(bytes))
            #expect(reader.number == read.count)
        }
        #expect(read == lines)
    }

    @Test func aLineLongerThanTheLimitIsRefusedWithItsNumber() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.txt").path
        var data = Data("short\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: LineReader.maximumLineLength + 1))
        #expect(FileManager.default.createFile(atPath: path, contents: data))
        let reader = try LineReader(path: path, what: "test")
        #expect(try reader.next().map(Array.init) == Array("short".utf8))
        do {
            _ = try reader.next()
            Issue.record("a line over the limit was read")
        } catch {
            #expect(
                error.diagnostics.first?.formatted
                    == "\(path):2: error: line 2 is longer than 16 MiB; is this a text file with one record a line?")
        }
    }
}
