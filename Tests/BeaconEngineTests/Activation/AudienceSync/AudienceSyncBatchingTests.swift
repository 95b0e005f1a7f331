import BeaconCore
import BeaconEngine
import Foundation
import Testing

@Suite("Audience sync batching")
struct AudienceSyncBatchingTests {
    func change(_ i: Int, name: String? = nil) -> AudienceSyncChange {
        AudienceSyncChange(
            messageId: "msg_\(i)", operation: .add, profileId: "p-\(i)", email: "m\(i)@example.com", firstName: name)
    }

    @Test("Klaviyo import jobs hold at most 10,000 profiles")
    func klaviyoProfileLimit() {
        let jobs = KlaviyoAudience().importJobs((0..<10_001).map { change($0) }, listId: "L")
        #expect(jobs.map(\.1.count) == [10_000, 1])
        #expect(jobs.flatMap { $0.1.map(\.messageId) } == (0..<10_001).map { "msg_\($0)" })
    }

    @Test("Klaviyo import jobs stay under 5 MB, each as full as the limit allows")
    func klaviyoSizeLimit() {
        let name = String(repeating: "n", count: 4_000)
        let changes = (0..<3_000).map { change($0, name: name) }
        let audience = KlaviyoAudience()
        let jobs = audience.importJobs(changes, listId: "L")
        let sizes = jobs.map { $0.0.body!.serialized().utf8.count }
        #expect(sizes.allSatisfy { $0 <= KlaviyoAudience.maxJobBytes })
        // Each profile is about 4.1 kB, so about 1,200 fit in 5 MB: 3,000 need three jobs.
        #expect(jobs.count == 3)
        for (job, next) in zip(jobs, jobs.dropFirst()) {
            let more = audience.importJobs(job.1 + [next.1[0]], listId: "L")
            #expect(more.count == 2, "a job is closed only when the next profile would not fit")
        }
        #expect(jobs.flatMap { $0.1 }.count == 3_000)
    }

    @Test("the sender refuses a second change to one email in the same batch, for the next batch")
    func sameEmailTwice() async {
        struct Nowhere: AudienceHTTPTransport {
            func send(_ request: AudienceHTTPRequest, timeout: TimeInterval) async -> AudienceHTTPResponse {
                AudienceHTTPResponse(status: 200, body: Data(#"{"errors":[]}"#.utf8))
            }
        }
        let a = AudienceMessages.message("a", "segment.entered", email: "same@example.com")
        var b = AudienceMessages.message("b", "segment.entered", email: "same@example.com")
        b.orderKey = "p-other"
        let s = AudienceSyncSender(
            vendor: MailchimpAudience(), apiKey: "k-us1", listId: "L", baseURL: "http://127.0.0.1:9", transport: Nowhere())
        let out = await s.send([a, b])
        #expect(out.map(\.status) == [200, 409])
        #expect(out[1].retryAfter == 0)
    }
}
