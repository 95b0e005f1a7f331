import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Choosing k and explaining clusters", .computeBound)
struct ClusterExplanationTests {
    @Test("The elbow is the point farthest from the chord of the normalised curve")
    func elbow() {
        // normalised: x = 0, .25, .5, .75, 1; y = 1, .355, .032, .011, 0; distance ∝ |x + y − 1|
        // = 0, .395, .468, .239, 0 → the third point (k = 4)
        let curve: [(x: Double, y: Double)] = [(2, 100), (3, 40), (4, 10), (5, 8), (6, 7)]
        #expect(ClusterCountSelection.elbow(curve) == 2)
        #expect(ClusterCountSelection.elbow([(2, 5), (3, 5), (4, 5)]) == nil)
    }

    @Test("k = 2…6 on the blobs: inertia falls, silhouettes are sklearn-valid, choices follow the rules")
    func selection() throws {
        var data = Matrix(rows: 300, columns: 2)
        data.elements = KMeansSklearnFixture.blobPoints
        let sel = try ClusterCountSelection(
            data: data, range: 2...6, kmeans: KMeans(clusterCount: 2, restarts: 4), seed: 3)
        #expect(sel.candidates.map(\.k) == [2, 3, 4, 5, 6])
        #expect(zip(sel.candidates, sel.candidates.dropFirst()).allSatisfy { $0.inertia > $1.inertia })
        #expect(sel.candidates.allSatisfy { $0.silhouette > -1 && $0.silhouette < 1 })
        let best = sel.candidates.max { $0.silhouette < $1.silhouette }!
        #expect(sel.silhouetteK == best.k)
        let elbowIndex = ClusterCountSelection.elbow(sel.candidates.map { (Double($0.k), $0.inertia) })!
        #expect(sel.elbowK == sel.candidates[elbowIndex].k)
        #expect(sel.chosenK == sel.elbowK)
        #expect(throws: SegmentationError.self) { try ClusterCountSelection(data: data, range: 1...3, seed: 0) }
    }

    @Test("Personas follow the documented rules on a constructed customer base")
    func personas() throws {
        // 2 whales, 12 casual buyers, 4 dormant buyers, 2 frequent mid spenders
        let groups: [(n: Int, r: Double, f: Double, m: Double)] = [
            (2, 5, 20, 10_000), (12, 20, 2, 100), (4, 300, 6, 500), (2, 10, 30, 800),
        ]
        var r: [Double] = []
        var f: [Double] = []
        var m: [Double] = []
        var labels: [Int] = []
        for (c, g) in groups.enumerated() {
            for _ in 0..<g.n {
                r.append(g.r)
                f.append(g.f)
                m.append(g.m)
                labels.append(c)
            }
        }
        let report = try ClusterPersonas(recency: r, frequency: f, monetary: m, labels: labels, k: 4)
        // mean z-scores (numpy): spend 2.50 / −0.68 / 0.43 / 0.75; recency −0.60 / −0.47 / 2.00 / −0.56;
        // frequency 1.60 / −0.71 / 0.30 / 2.06
        #expect(report.clusters.map(\.persona) == [.vip, .casual, .atRisk, .loyalist])
        #expect(abs(report.clusters[0].monetaryZ - 2.502307781674017) < 1e-12)
        #expect(report.clusters[0].size == 2)
        let total: Double = 20_000 + 1_200 + 2_000 + 1_600
        #expect(abs(report.clusters[0].revenueShare - 20_000 / total) < 1e-15)
        #expect(report.clusters[2].meanRecency == 300)
        #expect(report.clusters[0].action.contains("Concierge"))
        #expect(report.clusters[2].action.contains("Win-back"))
    }

    @Test("A frequent big spender behind the top-spending cluster is a Loyalist, not a second VIP")
    func loyaltyTrap() throws {
        // 1 whale (spend 20,000, 80 orders), 3 frequent buyers (3,000, 30), 16 casual (100, 2)
        let groups: [(n: Int, f: Double, m: Double)] = [(1, 80, 20_000), (3, 30, 3_000), (16, 2, 100)]
        var f: [Double] = []
        var m: [Double] = []
        var labels: [Int] = []
        for (c, g) in groups.enumerated() {
            f += Array(repeating: g.f, count: g.n)
            m += Array(repeating: g.m, count: g.n)
            labels += Array(repeating: c, count: g.n)
        }
        let report = try ClusterPersonas(
            recency: Array(repeating: 10, count: 20), frequency: f, monetary: m, labels: labels, k: 3)
        // both top clusters have log1p-spend z ≥ 1 (numpy: 2.84 and 1.65)
        #expect(report.clusters[0].monetaryZ >= 1 && report.clusters[1].monetaryZ >= 1)
        #expect(report.clusters.map(\.persona) == [.vip, .loyalist, .casual])
    }

    @Test("Clusters sharing a persona are numbered by spend")
    func numberedLabels() throws {
        // log1p spend z-scores ≈ −0.78, −0.64, +1.41: one VIP cluster, two casual ones
        let report = try ClusterPersonas(
            recency: [10, 10, 10, 10, 10, 10], frequency: [1, 1, 1, 1, 1, 1], monetary: [50, 50, 60, 60, 1000, 1000],
            labels: [0, 0, 1, 1, 2, 2], k: 3)
        #expect(report.clusters.map(\.label) == ["Casual Shoppers 2", "Casual Shoppers 1", "VIPs"])
    }
}

@Suite("Seed 003 pipeline on Retail Orders", .computeBound)
struct RetailOrdersPipelineTests {
    @Test(
        "Synthetic customers (postal code + segment), RFM, k = 4: the four seed personas appear",
        .enabled(if: SharedData.available, "needs ../shared/datasets"))
    func retailOrders() throws {
        let text = try String(contentsOfFile: SharedData.dataset("retail_orders/orders.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let map = try OrderLogMapping(
            parsing:
                "customer=Postal Code+Segment,order=Order Id,date=Order Date,amount=List Price,discount-percent=Discount Percent"
        )
        let orders = try map.records(header: lines[0], rows: lines.dropFirst().enumerated().map { ($0 + 2, $1) })
            .records
        #expect(orders.count == 9994)
        #expect(Set(orders.map(\.customerID)).count == 1258)
        let rfm = try RFMAnalysis(orders: orders)
        let c = rfm.customers
        let features = Matrix(c.map { [Double($0.recency), Double($0.frequency), $0.monetary] })
        let result = try CustomerSegmentation(
            features: features, recency: c.map { Double($0.recency) }, frequency: c.map { Double($0.frequency) },
            monetary: c.map(\.monetary), k: 4, kmeans: KMeans(clusterCount: 4, restarts: 4), seed: 42)
        #expect(Set(result.personas.clusters.map(\.persona)) == [.vip, .loyalist, .atRisk, .casual])
        // the seed's "whale effect": a small VIP cluster with a far larger share of revenue than of customers
        let vip = try #require(result.personas.clusters.first { $0.persona == .vip })
        #expect(vip.customerShare < 0.05)
        #expect(vip.revenueShare > 3 * vip.customerShare)
        // centroids in original units sit inside the data's range
        for j in 0..<4 { #expect(result.centroidsInOriginalUnits[j, 0] >= 0) }
    }
}
