import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Importers")
struct ImporterTests {
    static let orders = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,HEART HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
        536365,71053,LANTERN,2,2010-12-01 08:26:00,3.50,17850.0,United Kingdom
        C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom
        536380,22961,JAM JAR,4,2010-12-01 09:45:00,1.25,,United Kingdom
        536381,22139,TOY,two,2010-12-01 09:46:00,1.25,15311.0,United Kingdom
        536382,22140,BAG,1,not a date,1.25,15311.0,United Kingdom
        536383,22141,SPOON,3,12/2/2010 10:05,0.85,15311.0,United Kingdom
        """

    @Test("Order lines become one event per order, returns negative, bad rows reported by line")
    func orders() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let path = try temporaryFile(Self.orders)
        var importer = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: nil))
        // The one slash date (12/2/2010) fits both orders: the file is refused until the order is given.
        await #expect(throws: ImportError.self) { try await importer.importFile(path, workspaceId: ws.id) }
        importer.dateOrder = .mdy
        // Two refused lines (a quantity, a date): by default the file is refused and nothing stored.
        let refused = await #expect(throws: ImportRefused.self) { try await importer.importFile(path, workspaceId: ws.id) }
        #expect(refused?.report.refused == 2 && refused?.report.refusedOrders == ["536381", "536382"])
        #expect(try await store.events.eventCount(in: ws.id) == 0)

        importer.maxErrors = 2
        let report = try await importer.importFile(path, workspaceId: ws.id)
        #expect(report.rowsRead == 7)
        #expect(report.rowsImported == 4)
        #expect(report.eventsStored == 3)
        #expect(report.skipped == ["missing customer_id": 1, "bad quantity": 1, "bad timestamp": 1])
        #expect(report.refused == 2)
        #expect(report.problems.map(\.line) == [5, 6, 7])
        let events = try await store.events.events(in: ws.id, after: nil, limit: 10).map(\.event)
        #expect(events.map(\.messageId) == ["order:536365", "refund:C536379", "order:536383"])
        #expect(events[0].event == "Order Completed" && events[0].userId == "17850")
        #expect(events[0].properties?["revenue"] == .number(22.3))  // 6 × 2.55 + 2 × 3.50
        #expect(events[0].properties?["products"]?.arrayValue?.count == 2)
        #expect(events[1].event == "Order Refunded" && events[1].properties?["revenue"] == .number(-27.5))
        #expect(events[2].timestamp == Timestamp.parse("2010-12-02T10:05:00Z"))

        let again = try await importer.importFile(path, workspaceId: ws.id)
        #expect(again.eventsStored == 0 && again.duplicates == 3)
        #expect(try await store.events.eventCount(in: ws.id) == 3)
    }

    @Test("A column map naming a missing column is refused before anything is stored")
    func badMap() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let path = try temporaryFile(Self.orders)
        let importer = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: "customer_id=Client"))
        await #expect(throws: ImportError.self) { try await importer.importFile(path, workspaceId: ws.id) }
        #expect(throws: ImportError.self) { try OrderColumnMap(parsing: "shoe_size=Size") }
        #expect(throws: ImportError.self) { try OrderColumnMap(parsing: "customer_id") }
    }

    @Test("JSON lines: valid lines stored, bad lines reported, re-run stores nothing twice")
    func jsonLines() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let path = try temporaryFile("""
            {"type":"track","userId":"u1","event":"Signed Up","timestamp":"2024-01-01T00:00:00Z","messageId":"a"}
            {"type":"identify","userId":"u1","traits":{"email":"a@example.com"}}
            {"type":"track","userId":"u1"}
            this is not json

            {"type":"page","anonymousId":"x","name":"Home"}
            """, suffix: ".jsonl")
        var importer = EventFileImporter(store: store.events)
        await #expect(throws: ImportRefused.self) { try await importer.importFile(path, workspaceId: ws.id) }
        #expect(try await store.events.eventCount(in: ws.id) == 0)
        importer.maxErrors = 2
        let report = try await importer.importFile(path, workspaceId: ws.id)
        #expect(report.rowsRead == 5 && report.rowsImported == 3 && report.eventsStored == 3)
        #expect(report.problems.map(\.line) == [3, 4])
        let stored = try await store.events.events(in: ws.id, after: nil, limit: 10).map(\.event)
        #expect(stored[0].timestamp == Timestamp.parse("2024-01-01T00:00:00Z"))
        let again = try await importer.importFile(path, workspaceId: ws.id)
        #expect(again.eventsStored == 0 && again.duplicates == 3)
    }

    /// Expected figures computed independently with Python's csv and gzip modules over the
    /// same file: 541,909 rows, 135,080 without CustomerID, 18,536 purchase invoices and
    /// 3,654 return invoices among the rest, net revenue Σ quantity × price = 8,300,065.81.
    @Test("UCI Online Retail imports whole from the .gz file", .enabled(if: SharedData.available, "needs ../shared/datasets"))
    func onlineRetail() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "retail")
        let importer = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: nil))
        let report = try await importer.importFile(SharedData.dataset("online_retail/online_retail_2010_2011.csv.gz"), workspaceId: ws.id)
        #expect(report.rowsRead == 541_909)
        #expect(report.skipped == ["missing customer_id": 135_080])
        #expect(report.refused == 0)
        #expect(report.rowsImported == 406_829)
        #expect(report.eventsStored == 18_536 + 3_654)
        var revenue = 0.0
        var after: Int64? = nil
        while true {
            let page = try await store.events.events(in: ws.id, after: after, limit: 5_000)
            guard let last = page.last else { break }
            revenue += page.reduce(0) { $0 + ($1.event.properties?["revenue"]?.doubleValue ?? 0) }
            after = last.sequence
        }
        #expect(abs(revenue - 8_300_065.81) < 0.5)
    }

    @Test("An order with one bad line is refused whole, never stored with its other lines")
    func orderAllOrNothing() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let path = try temporaryFile("""
            customer_id,order_id,timestamp,quantity,price
            c1,A-1,2024-01-02,2,10
            c1,A-1,2024-01-02,x,5
            c1,A-1,2024-01-02,1,3
            c2,B-7,2024-01-03,1,40
            """)
        var importer = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: nil))
        importer.maxErrors = 1
        let report = try await importer.importFile(path, workspaceId: ws.id)
        #expect(report.refusedOrders == ["A-1"])
        #expect(report.rowsImported == 1 && report.eventsStored == 1)
        let stored = try await store.events.events(in: ws.id, after: nil, limit: 10).map(\.event)
        #expect(stored.map(\.messageId) == ["order:B-7"])
        #expect(stored[0].properties?["revenue"] == .number(40))
    }

    @Test("A truncated .gz file stores nothing: the gzip trailer's CRC-32 and length are checked")
    func truncatedGzip() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let lines = (1...3_000).map {
            #"{"type":"track","userId":"u\#($0 % 97)","event":"Viewed","messageId":"m\#($0)","timestamp":"2025-03-01T10:00:00Z"}"#
        }
        let whole = try Gzip.compress(Array(lines.joined(separator: "\n").utf8))
        for cut in [whole.count - 4, whole.count / 2, 20] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).jsonl.gz").path
            try Data(whole.prefix(cut)).write(to: URL(fileURLWithPath: path))
            await #expect(throws: ImportError.self, "cut at \(cut) of \(whole.count) bytes") {
                try await EventFileImporter(store: store.events).importFile(path, workspaceId: ws.id)
            }
            let orders = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: nil))
            await #expect(throws: ImportError.self) { try await orders.importFile(path, workspaceId: ws.id) }
        }
        #expect(try await store.events.eventCount(in: ws.id) == 0)
        // The whole file imports.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("whole-\(UUID().uuidString).jsonl.gz").path
        try Data(whole).write(to: URL(fileURLWithPath: path))
        #expect(try await EventFileImporter(store: store.events).importFile(path, workspaceId: ws.id).eventsStored == 3_000)
    }

    @Test("CRC-32 check value (RFC 1952 / ISO 3309): \"123456789\" → 0xCBF43926")
    func crc32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test("Slash dates: the order is read from the file (13/02/2011 is day first), and a file that fits both is refused naming the column")
    func dateOrder() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let dayFirst = try temporaryFile("customer_id,order_id,timestamp,amount\nc1,o1,01/02/2011,5\nc2,o2,13/02/2011 09:30,7\n")
        let importer = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: nil))
        #expect(try await importer.importFile(dayFirst, workspaceId: ws.id).eventsStored == 2)
        let stored = try await store.events.events(in: ws.id, after: nil, limit: 10).map(\.event)
        #expect(stored.map(\.timestamp) == [Timestamp.parse("2011-02-01T00:00:00Z"), Timestamp.parse("2011-02-13T09:30:00Z")])

        let ambiguous = try temporaryFile("customer_id,order_id,timestamp,amount\nc1,o9,01/02/2011,5\nc2,o8,03/04/2011,7\n")
        do {
            _ = try await importer.importFile(ambiguous, workspaceId: ws.id)
            Issue.record("an ambiguous file was imported")
        } catch let error as ImportError {
            #expect(error.message.contains("column 'timestamp'") && error.message.contains("--date-order"))
        }
        #expect(try await store.events.eventCount(in: ws.id) == 2)
    }
}
