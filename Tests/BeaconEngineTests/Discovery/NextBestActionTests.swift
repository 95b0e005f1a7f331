import BeaconEngine
import Testing

@Suite("Next best action")
struct NextBestActionTests {
    @Test("Health decides before order count; the top three recommended products are featured")
    func rules() {
        let products = ["Mug", "Tea", "Spoon", "Plate"]
        let atRisk = NextBestAction.decide(health: .atRisk, orders: 7, recommended: products)
        #expect(atRisk.kind == .winBack && atRisk.products == ["Mug", "Tea", "Spoon"])
        #expect(atRisk.text == "Win back (At risk): send a personal offer on Mug, Tea, Spoon.")
        #expect(NextBestAction.decide(health: .lost, orders: 1, recommended: []).kind == .winBack)
        #expect(
            NextBestAction.decide(health: .lost, orders: 1, recommended: []).text
                == "Win back (Lost): send a personal offer.")
        #expect(NextBestAction.decide(health: .attention, orders: 0, recommended: products).kind == .reEngage)
        #expect(
            NextBestAction.decide(health: .unscored, orders: 0, recommended: ["Mug"]).text
                == "No order yet: a first-purchase incentive featuring Mug.")
        #expect(NextBestAction.decide(health: .healthy, orders: 1, recommended: ["Mug"]).kind == .secondPurchase)
        let loyal = NextBestAction.decide(health: .healthy, orders: 5, recommended: ["Mug", "Tea"])
        #expect(loyal.kind == .crossSell && loyal.text == "Healthy repeat customer: cross-sell Mug, Tea.")
    }
}
