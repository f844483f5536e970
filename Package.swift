// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "escala",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "escala", targets: ["bot"]),
        .executable(name: "escala-bench", targets: ["bench"]),
        .executable(name: "escala-fuzz", targets: ["fuzz"]),
        .executable(name: "escala-bench-discord", targets: ["bench-discord"]),
        .executable(name: "escala-bench-community", targets: ["bench-community"]),
        .executable(name: "escala-bench-playground", targets: ["bench-playground"]),
        .executable(name: "escala-bench-desk", targets: ["bench-desk"]),
        .library(name: "WorkflowDSL", targets: ["WorkflowDSL"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Discord", targets: ["Discord"]),
        .library(name: "Runtime", targets: ["Runtime"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "DiscordFace", targets: ["DiscordFace"]),
        .library(name: "Application", targets: ["Application"]),
        .library(name: "WebFace", targets: ["WebFace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // HMAC-SHA256 of webhook bodies.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The web faces (the playground), and the local Discord-speaking
        // server that the tests and the playground run against.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Counters and timers where things happen (swift-metrics), read in
        // Prometheus's text format at /metrics (swift-prometheus).
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
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
            dependencies: ["WorkflowDSL", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics")]
        ),
        // The Discord client: gateway and REST. Knows nothing of tickets.
        .target(
            name: "Discord",
            dependencies: [
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The platform-neutral runtime: the loops (outbox, scheduler) as
        // services of a ServiceGroup, waking on commits and due times.
        .target(
            name: "Runtime",
            dependencies: [
                "Engine",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Scenario files played against the real engine and a simulated
        // Discord: `escala simulate`.
        .target(
            name: "Simulation",
            dependencies: ["WorkflowDSL", "Engine"]
        ),
        // The Discord face: gateway events → engine calls; engine effects →
        // REST calls. Translates and renders; decides nothing.
        .target(
            name: "DiscordFace",
            dependencies: [
                "WorkflowDSL", "Engine", "Runtime", "Discord",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The web faces: pages, their API, live updates. The playground's
        // pages drive the built-in Discord's people; the engine hears
        // ordinary gateway events.
        .target(
            name: "WebFace",
            dependencies: [
                "WorkflowDSL", "Engine", "Runtime", "LocalDiscord", "Simulation",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The desk's session cookies are signed with HMAC-SHA256.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Assets")]
        ),
        // The composition root: workflows, store, engines, runtime and faces
        // in one ServiceGroup. `escala run`, the playground, the tests and
        // the benchmarks compose Escala through it.
        // Webhooks: lifecycle events posted, signed, to the admin's
        // addresses (the engine queues them; the runtime's loop sends).
        .target(
            name: "Webhooks",
            dependencies: [
                "Engine", "Runtime", "Discord",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Application",
            dependencies: [
                "Engine", "Runtime", "Discord", "DiscordFace", "WebFace", "LocalDiscord", "WorkflowDSL", "Webhooks",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bot",
            dependencies: [
                "Application", "Webhooks",
                "WorkflowDSL",
                "LanguageServer",
                "Engine",
                "Discord",
                "Simulation",
                "Runtime",
                "DiscordFace",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // Benchmarks (not tests): `make bench-engine`.
        .executableTarget(
            name: "bench",
            dependencies: ["WorkflowDSL", "Engine", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // `escala lsp`: the language server editors talk to.
        .target(
            name: "LanguageServer",
            dependencies: ["WorkflowDSL"]
        ),
        // Damage for the language front end: the fuzz command and the tests.
        .target(
            name: "WorkflowFuzzing"
        ),
        // Not a test: `make fuzz`, a million damaged workflows.
        .executableTarget(
            name: "fuzz",
            dependencies: ["WorkflowDSL", "WorkflowFuzzing"]
        ),
        // Benchmark (not a test): `make bench-community`.
        .executableTarget(
            name: "bench-community",
            dependencies: ["WorkflowDSL", "Engine"]
        ),
        // Benchmark (not a test): `make bench-discord`.
        .executableTarget(
            name: "bench-discord",
            dependencies: ["Discord", "DiscordFace", "WorkflowDSL", "LocalDiscord", .product(name: "Logging", package: "swift-log")]
        ),
        // Benchmark (not a test): `make bench-playground`.
        .executableTarget(
            name: "bench-playground",
            dependencies: ["Application", "WebFace", "LocalDiscord", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // Benchmark (not a test): `make bench-desk`.
        .executableTarget(
            name: "bench-desk",
            dependencies: ["Engine", "WebFace", "WorkflowDSL",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        // What the test targets share: one `eventually`.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "LanguageServerTests",
            dependencies: ["LanguageServer", "WorkflowDSL"]
        ),
        .testTarget(
            name: "WorkflowDSLTests",
            dependencies: ["WorkflowDSL", "WorkflowFuzzing"],
            // Read and written in place (#filePath) by the fuzz run and its test.
            exclude: ["Fuzz"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "WorkflowFuzzing", .product(name: "GRDB", package: "GRDB.swift")],
            // Read through #filePath: the stored formats' golden files.
            exclude: ["Storage/Golden"]
        ),
        // The local Discord-speaking server the client and the face are
        // tested and benchmarked against (REST checked against Discord's
        // OpenAPI, and the gateway). A library, not a test target, so that
        // benchmarks need no test code.
        .target(
            name: "LocalDiscord",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
        ),
        .testTarget(
            name: "DiscordTests",
            dependencies: ["TestSupport", "Discord", "LocalDiscord", "Runtime"]
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["TestSupport", "Runtime", "Engine", "WorkflowDSL", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "Engine", "WorkflowDSL"]
        ),
        .testTarget(
            name: "WebFaceTests",
            dependencies: ["TestSupport", "Application", "WebFace", "LocalDiscord", "Runtime", "WorkflowDSL",
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(
            name: "WebhooksTests",
            dependencies: ["TestSupport", "Webhooks", "Runtime", "Engine", "WorkflowDSL",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        .testTarget(
            name: "DiscordFaceTests",
            dependencies: ["TestSupport", "Application", "DiscordFace", "Discord", "Engine", "Runtime", "WorkflowDSL", "LocalDiscord"]
        ),
        .testTarget(
            name: "botTests",
            dependencies: ["TestSupport", "bot", "Engine", "WorkflowDSL", "LanguageServer", "WorkflowFuzzing", "LocalDiscord", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
