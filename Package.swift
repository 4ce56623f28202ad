// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Teamplotter",
    products: [
        .executable(name: "teamplotter", targets: ["teamplotter"]),
        .library(name: "TeamplotterCore", targets: ["TeamplotterCore"]),
    ],
    targets: [
        // The logic: model, catalogue, gap analysis. Pure; imports nothing of ours.
        .target(name: "TeamplotterCore"),
        // zlib from the system, for the deflate streams in ZIP and so in XLSX files.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Reading and writing files: CSV worksheets, the JSON team document, the analysis JSON,
        // XLSX workbooks (ZIP through zlib, XML through its own strict reader, XMLStream).
        .target(name: "TeamplotterFormats", dependencies: ["TeamplotterCore", "CZlib"]),
        // Human-readable renderings of an analysis: terminal text, Markdown, the SVG plot, the HTML report.
        .target(name: "TeamplotterReport", dependencies: ["TeamplotterCore"]),
        // C libraries from Debian, through their headers (see the shim.h beside each modulemap).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", path: "Sources/CMicroHTTPD", providers: [.apt(["libmicrohttpd-dev"])]),
        // Linux calls glibc declares only with _GNU_SOURCE (sync_file_range), for writing files.
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        // Keeping teams: a storage interface and its SQLite implementation.
        .target(name: "TeamplotterStore", dependencies: ["TeamplotterCore", "CSQLite"]),
        // The web app: HTTP over libmicrohttpd, pages, the JSON API.
        .target(
            name: "TeamplotterWeb",
            dependencies: [
                "TeamplotterCore", "TeamplotterFormats", "TeamplotterReport", "TeamplotterStore", "CMicroHTTPD",
            ]
        ),
        // The subcommands; a library so tests can run them in process.
        .target(
            name: "TeamplotterCLI",
            dependencies: ["TeamplotterCore", "TeamplotterFormats", "TeamplotterReport", "TeamplotterWeb", "CLinux"]
        ),
        .executableTarget(name: "teamplotter", dependencies: ["TeamplotterCLI"]),
        // Times the analysis in process on generated organisations, and the renderers on a team
        // file (bench/, BENCHMARKS.md).
        .executableTarget(
            name: "TeamplotterBench", dependencies: ["TeamplotterCore", "TeamplotterFormats", "TeamplotterReport"]),

        .testTarget(
            name: "TeamplotterCoreTests", dependencies: ["TeamplotterCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TeamplotterFormatsTests",
            dependencies: ["TeamplotterFormats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TeamplotterReportTests", dependencies: ["TeamplotterReport", "TeamplotterFormats"],
            exclude: ["Fixtures"]),
        .testTarget(name: "TeamplotterCLITests", dependencies: ["TeamplotterCLI"], exclude: ["Golden"]),
        .testTarget(name: "TeamplotterStoreTests", dependencies: ["TeamplotterStore"]),
        .testTarget(
            name: "TeamplotterWebTests",
            dependencies: ["TeamplotterWeb", "TeamplotterStore", "TeamplotterFormats", "TeamplotterReport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
