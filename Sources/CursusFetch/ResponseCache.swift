import CursusCore
import Foundation

/// Raw answers kept in a folder, one file a request, named by the request (host, path and
/// query made safe, then a hash of the whole URL), so that an import can be repeated from them
/// byte for byte with `--offline`.
public struct ResponseCache: Sendable {
    /// The folder the answers are kept in.
    public let folder: String

    /// A cache in `folder` (made when first written).
    public init(folder: String) {
        self.folder = folder
    }

    /// The file that holds the answer to `url`.
    public func path(for url: URL) -> String {
        let readable = (url.host ?? "local") + url.path + "-" + (url.query ?? "")
        var name = ""
        for character in readable.unicodeScalars.prefix(80) {
            name.unicodeScalars.append(CharacterSet.alphanumerics.contains(character) && character.isASCII ? character : "_")
        }
        // FNV-1a: a name for the whole URL that stays the same on every machine.
        let hash = url.absoluteString.utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        return (folder as NSString).appendingPathComponent(name + "-" + String(hash, radix: 16) + ".body")
    }

    func read(_ url: URL) -> Data? { FileManager.default.contents(atPath: path(for: url)) }

    /// Keeps `body` as the answer to `url` (written whole, then renamed into place).
    func write(_ body: Data, for url: URL) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = URL(fileURLWithPath: path(for: url))
        try body.write(to: target, options: .atomic)
    }
}
