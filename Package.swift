// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "beacon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "beacon", targets: ["beacon"]),
        .library(name: "BeaconCore", targets: ["BeaconCore"]),
        .library(name: "BeaconAnalytics", targets: ["BeaconAnalytics"]),
        .library(name: "BeaconStore", targets: ["BeaconStore"]),
        .library(name: "BeaconEngine", targets: ["BeaconEngine"]),
        .library(name: "BeaconServer", targets: ["BeaconServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "BeaconCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BeaconAnalytics",
            dependencies: [
                "BeaconCore",
                .product(name: "RealModule", package: "swift-numerics")
            ],
            resources: [.copy("Resources/VADER")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BeaconStore",
            dependencies: [
                "BeaconCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BeaconEngine",
            dependencies: [
                "BeaconCore", "BeaconAnalytics", "BeaconStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BeaconServer",
            dependencies: [
                "BeaconCore", "BeaconEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "beacon",
            dependencies: [
                "BeaconCore", "BeaconAnalytics", "BeaconStore", "BeaconEngine", "BeaconServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BeaconTestSupport",
            dependencies: [
                "BeaconCore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/BeaconTestSupport"
        ),
        .testTarget(name: "BeaconCoreTests", dependencies: ["BeaconCore", "BeaconTestSupport"]),
        .testTarget(name: "BeaconAnalyticsTests", dependencies: ["BeaconAnalytics", "BeaconCore", "BeaconTestSupport"], exclude: ["Attribution/Fixtures"]),
        .testTarget(
            name: "BeaconStoreTests",
            dependencies: ["BeaconStore", "BeaconCore", "BeaconTestSupport", .product(name: "Logging", package: "swift-log")],
            exclude: ["Migrations/Fixtures"]
        ),
        .testTarget(
            name: "BeaconEngineTests",
            dependencies: ["BeaconEngine", "BeaconStore", "BeaconCore", "BeaconTestSupport", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BeaconServerTests",
            dependencies: [
                "BeaconServer", "BeaconEngine", "BeaconStore", "BeaconCore", "BeaconTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["sdk_e2e.py", "Activation/Receiver", "Golden"]
        ),
    ]
)
