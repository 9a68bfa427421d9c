import Foundation

/// Resolves output paths inside the output folder, refusing any that would land outside it.
public enum OutputLocation {
    /// The absolute path for `relative` inside `outputDirectory`, with missing folders created
    /// (unless `createFolders` is false, for checking only).
    /// Refuses absolute paths, `..` that climbs out, and symbolic links that lead out.
    /// Folders it creates are recorded in `transaction`, which removes them again on rollback.
    public static func resolve(
        _ relative: String, in outputDirectory: String, at location: SourceLocation?, createFolders: Bool = true,
        transaction: OutputTransaction? = nil
    ) throws(CursusError) -> String {
        func refuse(_ message: String) -> CursusError {
            CursusError(.data, Diagnostic(.error, message, at: location))
        }
        if relative.isEmpty { throw refuse("the output path is empty") }
        if relative.hasPrefix("/") || relative.hasPrefix("~") {
            throw refuse("the output path '\(relative)' is absolute; output paths are relative to output_dir")
        }
        if relative.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw refuse("the output path contains control characters")
        }
        var components: [String] = []
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty {
                    throw refuse("the output path '\(relative)' climbs out of output_dir with '..'; outputs stay inside it")
                }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        guard let fileName = components.last else { throw refuse("the output path '\(relative)' names no file") }

        let fileManager = FileManager.default
        guard createFolders || fileManager.fileExists(atPath: outputDirectory) else {
            return outputDirectory + "/" + components.joined(separator: "/")
        }
        do {
            var missing: [String] = []
            var folder = URL(fileURLWithPath: outputDirectory)
            while !fileManager.fileExists(atPath: folder.path) && folder.path != "/" {
                missing.insert(folder.path, at: 0)
                folder.deleteLastPathComponent()
            }
            try fileManager.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            for folder in missing { transaction?.created(folder: folder) }
        } catch {
            throw CursusError(
                .failure, Diagnostic(.error, "cannot create output_dir '\(outputDirectory)': \(error.localizedDescription)", at: location))
        }
        let root = URL(fileURLWithPath: outputDirectory).resolvingSymlinksInPath().path
        var folder = root
        for component in components.dropLast() {
            let next = folder + "/" + component
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: next, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CursusError(
                        .failure,
                        Diagnostic(
                            .error, "cannot create the folder '\(component)' of '\(relative)': a file of that name is in the way",
                            at: location))
                }
                let real = URL(fileURLWithPath: next).resolvingSymlinksInPath().path
                guard real == root || real.hasPrefix(root + "/") else {
                    throw refuse("the output path '\(relative)' goes through '\(component)', a link that leads out of output_dir")
                }
            } else if createFolders {
                do {
                    try fileManager.createDirectory(atPath: next, withIntermediateDirectories: false)
                    transaction?.created(folder: next)
                } catch {
                    throw CursusError(
                        .failure, Diagnostic(.error, "cannot create the folder '\(next)': \(error.localizedDescription)", at: location))
                }
            }
            folder = next
        }
        let target = folder + "/" + fileName
        if (try? fileManager.destinationOfSymbolicLink(atPath: target)) != nil {
            throw refuse("the output '\(relative)' is a symbolic link; Cursus does not write through links")
        }
        return target
    }
}
