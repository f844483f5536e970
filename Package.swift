// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "escala",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "escala", targets: ["bot"]),
        .executable(name: "escala-bench", targets: ["bench"]),
        .library(name: "WorkflowDSL", targets: ["WorkflowDSL"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(
            name: "WorkflowDSL",
            dependencies: ["CPCRE2"]
        ),
        .target(
            name: "Engine",
            dependencies: ["WorkflowDSL", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "bot",
            dependencies: [
                "WorkflowDSL",
                "Engine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (not tests): `make bench-engine`.
        .executableTarget(
            name: "bench",
            dependencies: ["WorkflowDSL", "Engine", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "WorkflowDSLTests",
            dependencies: ["WorkflowDSL"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "botTests",
            dependencies: ["bot", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
