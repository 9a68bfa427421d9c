// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Cursus",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cursus", targets: ["cursus"]),
        .library(name: "CursusCore", targets: ["CursusCore"]),
        .library(name: "CursusRenderers", targets: ["CursusRenderers"]),
        .library(name: "CursusXLSX", targets: ["CursusXLSX"]),
        .library(name: "CursusImport", targets: ["CursusImport"]),
        .library(name: "CursusFetch", targets: ["CursusFetch"]),
        .library(name: "CursusCheck", targets: ["CursusCheck"]),
        .library(name: "CursusBuiltIns", targets: ["CursusBuiltIns"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/stencilproject/Stencil", from: "0.15.1"),
    ],
    targets: [
        .target(
            name: "CursusCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "CursusRenderers",
            dependencies: ["CursusCore", .product(name: "Stencil", package: "Stencil")]
        ),
        .target(
            name: "CursusImport",
            dependencies: ["CursusCore", "CLibXML2"]
        ),
        // libxml2's HTML parser, for saved web pages given to `cursus import article`.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // `cursus check`: the rules a fact-checker applies to a dossier, one file each.
        .target(
            name: "CursusCheck",
            dependencies: ["CursusCore"]
        ),
        // Fetching from Wikipedia, Wikidata and other Wikibase sites (FoundationNetworking).
        .target(
            name: "CursusFetch",
            dependencies: ["CursusCore", "CursusImport"]
        ),
        .systemLibrary(
            name: "CLibXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "CursusXLSX",
            dependencies: ["CursusCore", "CLibXLSXWriter"]
        ),
        // The SQLite renderer; the only module that imports CSQLite.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "CursusSQLite",
            dependencies: ["CursusCore", "CSQLite"]
        ),
        .target(
            name: "CursusBuiltIns",
            dependencies: ["CursusCore", "CursusRenderers", "CursusXLSX", "CursusSQLite"]
        ),
        // glibc's mallopt, for the command's allocator settings.
        .systemLibrary(name: "CMalloc"),
        .executableTarget(
            name: "cursus",
            dependencies: [
                "CMalloc",
                "CursusCore",
                "CursusBuiltIns",
                "CursusImport",
                "CursusFetch",
                "CursusCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the repository's root, scratch folders, the binary, the readers.
        .target(name: "CursusTestSupport", path: "Tests/CursusTestSupport"),
        .testTarget(name: "CursusCoreTests", dependencies: ["CursusCore", "CursusTestSupport"]),
        .testTarget(name: "CursusRenderersTests", dependencies: ["CursusRenderers", "CursusTestSupport"]),
        .testTarget(name: "CursusXLSXTests", dependencies: ["CursusXLSX", "CursusTestSupport"]),
        .testTarget(name: "CursusCheckTests", dependencies: ["CursusCheck", "CursusTestSupport"]),
        .testTarget(name: "CursusImportTests", dependencies: ["CursusImport", "CursusTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CursusCLITests", dependencies: ["cursus", "CursusTestSupport"]),
    ]
)
