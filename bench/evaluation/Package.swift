// swift-tools-version:6.1
// In-process benchmarks of the evaluation rules at national scale (KemenPANRB's 3,500 proposals).
// A package of its own so that the main build and CI never build the harness:
//   cd bench/evaluation && swift package benchmark
import PackageDescription

let package = Package(
    name: "lumbung-evaluation-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "lumbung", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EvaluationBenchmarks",
            dependencies: [
                .product(name: "LumbungCore", package: "lumbung"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EvaluationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
