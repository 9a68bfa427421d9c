import CursusCore

/// The dossier as JSON in the schema of dossier files: exactly what a plug-in receives as
/// `dossier`, and itself a dossier Cursus can read.
public struct JSONRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// Writes `.json`; takes no options.
    public let descriptor = RendererDescriptor(
        name: "json",
        summary: "The dossier as JSON, in the shape of dossier files (what plug-ins receive)",
        fileExtensions: ["json"],
        options: [])

    /// Writes the filtered dossier as JSON in the shape of dossier files.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let writer = try output.textWriter()
        writer.write(DossierWriter.write(request.dossier, as: .json))
        try writer.close()
    }
}
