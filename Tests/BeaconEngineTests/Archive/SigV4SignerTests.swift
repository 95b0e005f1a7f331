import BeaconEngine
import Foundation
import Testing

/// AWS Signature Version 4 against AWS's own published examples: the S3 API reference's
/// "Authenticating Requests: Using the Authorization Header" examples (GET Object, PUT Object,
/// GET Bucket Lifecycle, GET Bucket list objects; example credentials AKIAIOSFODNN7EXAMPLE,
/// 2013-05-24, us-east-1) and the SigV4 test suite's `get-vanilla-query-order-key-case`.
/// Every expected value below is copied from those documents, none computed here.
@Suite("SigV4 signer: AWS's published examples")
struct SigV4SignerTests {
    static let s3 = SigV4Signer(
        accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1")
    /// 2013-05-24T00:00:00Z, the examples' `x-amz-date` 20130524T000000Z.
    static let day = Date(timeIntervalSince1970: 1_369_353_600)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func s3Headers(_ extra: [(String, String)] = [], payload: String = emptyHash) -> [(String, String)] {
        [("Host", "examplebucket.s3.amazonaws.com"), ("x-amz-date", "20130524T000000Z"), ("x-amz-content-sha256", payload)]
            + extra
    }

    @Test("GET Object with a Range header: canonical request, string to sign and signature")
    func getObject() {
        let s = Self.s3.sign(
            method: "GET", path: "/test.txt", query: [], headers: Self.s3Headers([("Range", "bytes=0-9")]),
            payloadHash: Self.emptyHash, date: Self.day)
        #expect(
            s.canonicalRequest == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            s.stringToSign == """
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
                """)
        #expect(s.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(
            s.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("PUT Object with a body, a Date header and a '$' in the key")
    func putObject() {
        let payload = SigV4Signer.payloadHash(Array("Welcome to Amazon S3.".utf8))
        #expect(payload == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let s = Self.s3.sign(
            method: "PUT", path: "/test$file.text", query: [],
            headers: Self.s3Headers(
                [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
                payload: payload),
            payloadHash: payload, date: Self.day)
        #expect(s.canonicalRequest.hasPrefix("PUT\n/test%24file.text\n\n"))
        #expect(s.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET Bucket lifecycle: a query parameter without a value")
    func getLifecycle() {
        let s = Self.s3.sign(
            method: "GET", path: "/", query: [("lifecycle", "")], headers: Self.s3Headers(),
            payloadHash: Self.emptyHash, date: Self.day)
        #expect(s.canonicalRequest.hasPrefix("GET\n/\nlifecycle=\n"))
        #expect(s.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test("GET Bucket (list objects): query parameters sorted by name")
    func listObjects() {
        let s = Self.s3.sign(
            method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")], headers: Self.s3Headers(),
            payloadHash: Self.emptyHash, date: Self.day)
        #expect(s.canonicalRequest.hasPrefix("GET\n/\nmax-keys=2&prefix=J\n"))
        #expect(s.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test("SigV4 test suite: get-vanilla-query-order-key-case (another service, other credentials)")
    func testSuiteQueryOrder() {
        let signer = SigV4Signer(
            accessKey: "AKIDEXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1",
            service: "service")
        let s = signer.sign(
            method: "GET", path: "/", query: [("Param2", "value2"), ("Param1", "value1")],
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            payloadHash: Self.emptyHash, date: Date(timeIntervalSince1970: 1_440_938_160))
        #expect(s.signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
        #expect(
            s.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test("a wrong secret, region or day gives another signature")
    func negative() {
        let good = Self.s3.sign(
            method: "GET", path: "/test.txt", query: [], headers: Self.s3Headers([("Range", "bytes=0-9")]),
            payloadHash: Self.emptyHash, date: Self.day
        ).signature
        var wrongSecret = Self.s3
        wrongSecret.secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ"
        var wrongRegion = Self.s3
        wrongRegion.region = "eu-west-1"
        for (signer, date) in [(wrongSecret, Self.day), (wrongRegion, Self.day), (Self.s3, Self.day + 86_400)] {
            let other = signer.sign(
                method: "GET", path: "/test.txt", query: [], headers: Self.s3Headers([("Range", "bytes=0-9")]),
                payloadHash: Self.emptyHash, date: date
            ).signature
            #expect(other != good)
        }
    }

    @Test("URI encoding keeps only unreserved characters, with upper-case hex")
    func encoding() {
        #expect(SigV4Signer.uriEncode("a b/c=d~e_f.g-h") == "a%20b%2Fc%3Dd~e_f.g-h")
        #expect(SigV4Signer.uriEncode("é") == "%C3%A9")
        #expect(SigV4Signer.encodePath("/bucket/workspace=w1/date=2024-01-02/x y") == "/bucket/workspace%3Dw1/date%3D2024-01-02/x%20y")
        #expect(SigV4Signer.timestamp(Self.day) == "20130524T000000Z")
    }
}
